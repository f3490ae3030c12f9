/// A domain enum whose GraphQL values are its raw values in capitals (`meta_ads` is `META_ADS`).
protocol APIEnum: RawRepresentable where RawValue == String {}

extension APIEnum {
    var apiName: String { rawValue.uppercased() }
    init?(apiName: String) { self.init(rawValue: apiName.lowercased()) }
}
