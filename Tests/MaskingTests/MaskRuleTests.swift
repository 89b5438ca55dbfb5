import Masking
import Testing

@Suite struct MaskRuleTests {
    @Test func specHasVectorsForEveryRule() {
        #expect(SpecVectors.all.count >= 100)
        for name in ["keep", "blank", "constant", "partial", "phone", "email", "postal", "address"] {
            #expect(!SpecVectors.rows(name).isEmpty, "no vectors for \(name)")
        }
    }

    @Test(arguments: SpecVectors.rows("keep") + SpecVectors.rows("blank") + SpecVectors.rows("constant"))
    func simpleRuleVector(_ vector: RuleVector) {
        #expect(vector.rule.apply(vector.input) == vector.output)
    }

    /// Every masking vector: the output is what the spec says, and masking it again changes nothing.
    @Test(arguments: ["partial", "phone", "email", "postal", "address"].flatMap(SpecVectors.rows))
    func maskingRuleVectorIsIdempotent(_ vector: RuleVector) {
        let output = vector.rule.apply(vector.input)
        #expect(output == vector.output)
        #expect(vector.rule.apply(output) == output)
        if !output.isEmpty {
            #expect(vector.rule.recognizes(output))
        }
    }

    @Test func recognitionOfSimpleRules() {
        #expect(!MaskRule.keep.recognizes("***"))
        #expect(MaskRule.blank.recognizes(" "))
        #expect(!MaskRule.blank.recognizes("x"))
        #expect(MaskRule.constant("(masked)").recognizes("(masked) "))
        #expect(!MaskRule.constant("(masked)").recognizes("masked"))
    }

    @Test func maskCharacterOfEachRule() {
        #expect(MaskRule.keep.maskCharacter == nil)
        #expect(MaskRule.constant("x").maskCharacter == nil)
        #expect(MaskRule.partial(PartialMask(maskCharacter: "●")).maskCharacter == "●")
        #expect(MaskRule.phone(PhoneMask()).maskCharacter == "*")
        #expect(MaskRule.postal(PostalMask(maskCharacter: "#")).maskCharacter == "#")
    }
}
