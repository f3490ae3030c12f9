import Testing

@Test func placeholderGraphQLTests() { #expect(1 + 1 == 2) }
