import Campaigns
import Foundation
import Testing

@Suite struct MoneyParsingTests {
    @Test func acceptsPlainDecimalsOnly() {
        for text in ["0", "50", "50.00", "+1.5", "-2.25", " 7.10 ", "000123.4500"] {
            #expect(Money(text) != nil, "\(text)")
        }
        for text in ["", ".5", "5.", "1e3", "1,5", "--1", "+", "12.3.4", "٣", "0x10", "NaN", "5 0"] {
            #expect(Money(text) == nil, "\(text)")
        }
        #expect(Money("50.00")?.value == Decimal(50))
        #expect(Money(" 7.10 ")?.text == "7.10")
    }
}
