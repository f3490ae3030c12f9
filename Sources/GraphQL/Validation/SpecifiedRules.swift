/// The rules the specification requires, in graphql-js's `specifiedRules` order (which also
/// decides the order of errors reported at the same node). Includes the September 2025
/// edition's operation type existence check (`KnownOperationTypesRule`, as graphql-js v17
/// places it) and the subscription root-field `@skip`/`@include` ban, and, like graphql-js
/// since v16.9, the recommended `MaxIntrospectionDepthRule` at the end.
public let specifiedRules: [ValidationRule] = [
    ValidationRule("ExecutableDefinitionsRule") { ExecutableDefinitionsRule(context: $0) },
    ValidationRule("KnownOperationTypesRule") { KnownOperationTypesRule(context: $0) },
    ValidationRule("UniqueOperationNamesRule") { UniqueOperationNamesRule(context: $0) },
    ValidationRule("LoneAnonymousOperationRule") { LoneAnonymousOperationRule(context: $0) },
    ValidationRule("SingleFieldSubscriptionsRule") { SingleFieldSubscriptionsRule(context: $0) },
    ValidationRule("KnownTypeNamesRule") { KnownTypeNamesRule(context: $0) },
    ValidationRule("FragmentsOnCompositeTypesRule") { FragmentsOnCompositeTypesRule(context: $0) },
    ValidationRule("VariablesAreInputTypesRule") { VariablesAreInputTypesRule(context: $0) },
    ValidationRule("ScalarLeafsRule") { ScalarLeafsRule(context: $0) },
    ValidationRule("FieldsOnCorrectTypeRule") { FieldsOnCorrectTypeRule(context: $0) },
    ValidationRule("UniqueFragmentNamesRule") { UniqueFragmentNamesRule(context: $0) },
    ValidationRule("KnownFragmentNamesRule") { KnownFragmentNamesRule(context: $0) },
    ValidationRule("NoUnusedFragmentsRule") { NoUnusedFragmentsRule(context: $0) },
    ValidationRule("PossibleFragmentSpreadsRule") { PossibleFragmentSpreadsRule(context: $0) },
    ValidationRule("NoFragmentCyclesRule") { NoFragmentCyclesRule(context: $0) },
    ValidationRule("UniqueVariableNamesRule") { UniqueVariableNamesRule(context: $0) },
    ValidationRule("NoUndefinedVariablesRule") { NoUndefinedVariablesRule(context: $0) },
    ValidationRule("NoUnusedVariablesRule") { NoUnusedVariablesRule(context: $0) },
    ValidationRule("KnownDirectivesRule") { KnownDirectivesRule(context: $0) },
    ValidationRule("UniqueDirectivesPerLocationRule") { UniqueDirectivesPerLocationRule(context: $0) },
    ValidationRule("KnownArgumentNamesRule") { KnownArgumentNamesRule(context: $0) },
    ValidationRule("UniqueArgumentNamesRule") { UniqueArgumentNamesRule(context: $0) },
    ValidationRule("ValuesOfCorrectTypeRule") { ValuesOfCorrectTypeRule(context: $0) },
    ValidationRule("ProvidedRequiredArgumentsRule") { ProvidedRequiredArgumentsRule(context: $0) },
    ValidationRule("VariablesInAllowedPositionRule") { VariablesInAllowedPositionRule(context: $0) },
    ValidationRule("OverlappingFieldsCanBeMergedRule") { OverlappingFieldsCanBeMergedRule(context: $0) },
    ValidationRule("UniqueInputFieldNamesRule") { UniqueInputFieldNamesRule(context: $0) },
    // graphql-js appends its `recommendedRules` to `specifiedRules`.
    ValidationRule("MaxIntrospectionDepthRule") { MaxIntrospectionDepthRule(context: $0) },
]
