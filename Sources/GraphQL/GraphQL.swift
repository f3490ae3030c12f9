// The GraphQL engine: language, type system, validation, execution, introspection.
