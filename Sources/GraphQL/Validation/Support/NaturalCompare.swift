/// graphql-js `naturalCompare`: compares UTF-16 code units, but runs of digits as numbers,
/// so `a2` sorts before `a10`. Returns a negative, zero or positive number.
func naturalCompare(_ a: String, _ b: String) -> Int {
    let aUnits = Array(a.utf16)
    let bUnits = Array(b.utf16)
    var ai = 0
    var bi = 0
    func isDigit(_ u: UInt16) -> Bool { u >= 48 && u <= 57 }
    while ai < aUnits.count && bi < bUnits.count {
        var aChar = aUnits[ai]
        var bChar = bUnits[bi]
        if isDigit(aChar) && isDigit(bChar) {
            // Leading zeros end a number early, exactly as graphql-js does.
            var aNum = 0
            repeat {
                ai += 1
                aNum = aNum &* 10 &+ Int(aChar) - 48
                aChar = ai < aUnits.count ? aUnits[ai] : 0
            } while ai < aUnits.count && isDigit(aChar) && aNum > 0
            var bNum = 0
            repeat {
                bi += 1
                bNum = bNum &* 10 &+ Int(bChar) - 48
                bChar = bi < bUnits.count ? bUnits[bi] : 0
            } while bi < bUnits.count && isDigit(bChar) && bNum > 0
            if aNum < bNum { return -1 }
            if aNum > bNum { return 1 }
        } else {
            if aChar < bChar { return -1 }
            if aChar > bChar { return 1 }
            ai += 1
            bi += 1
        }
    }
    return aUnits.count - bUnits.count
}
