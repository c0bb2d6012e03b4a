// Checks a parsed operation against the simulator's schema (fields, arguments, variables, as
// GitHub's validation would) and, when it is valid, resolves it into GraphQL's {data, errors}.
import type { GraphqlOperation, GraphqlSelection, GraphqlValue } from "./parse-graphql.js";
import { FieldError, SCALARS, SCHEMA, type ResolveContext } from "./graphql-schema.js";

export interface GraphqlError {
  message: string;
  type?: string;
  path?: (string | number)[];
}

export interface GraphqlResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphqlError[];
}

/** The problems that make GitHub refuse the whole query; empty when it is valid. */
export function validateGraphql(
  operation: GraphqlOperation,
  variables: Record<string, unknown>,
): string[] {
  if (operation.type !== "query") return [`${operation.type} operations are not simulated`];
  const problems: string[] = [];
  for (const [name, type] of Object.entries(operation.variables)) {
    const value = variables[name];
    if (value === undefined || value === null) {
      if (type.endsWith("!")) problems.push(`Variable $${name} of type ${type} was not provided`);
    } else if (!fitsScalar(type, value)) {
      problems.push(`Variable $${name} of type ${type} was provided invalid value`);
    }
  }
  const visit = (selections: GraphqlSelection[], typeName: string, where: string) => {
    const type = SCHEMA[typeName];
    for (const selection of selections) {
      if (selection.kind === "inline") {
        const on = selection.on ?? typeName;
        if (!SCHEMA[on]) problems.push(`No such type ${on}, so it can't be a fragment condition`);
        else if (!canBe(typeName, on)) {
          problems.push(`Fragment on ${on} can't be spread inside ${typeName}`);
        } else visit(selection.selections, on, where);
        continue;
      }
      const path = `${where}.${selection.alias ?? selection.name}`;
      if (selection.name === "__typename") continue;
      const field = type?.fields[selection.name];
      if (!field) {
        problems.push(`Field '${selection.name}' doesn't exist on type '${typeName}'`);
        continue;
      }
      for (const [arg, argType] of Object.entries(field.args ?? {})) {
        if (argType.endsWith("!") && !(arg in selection.args)) {
          problems.push(`Field '${selection.name}' is missing required arguments: ${arg}`);
        }
      }
      for (const [arg, value] of Object.entries(selection.args)) {
        const argType = field.args?.[arg];
        if (argType === undefined) {
          problems.push(`Field '${selection.name}' doesn't accept argument '${arg}'`);
        } else {
          problems.push(...checkArgument(operation, path, arg, argType, value));
        }
      }
      const named = field.type.replace(/[[\]!]/g, "");
      if (SCALARS.has(named)) {
        if (selection.selections.length > 0) {
          problems.push(`Selections can't be made on scalars (field '${selection.name}')`);
        }
      } else if (selection.selections.length === 0) {
        problems.push(`Field must have selections (field '${selection.name}' returns ${named})`);
      } else {
        visit(selection.selections, named, path);
      }
    }
  };
  visit(operation.selections, "Query", "query");
  return [...new Set(problems)];
}

/** Resolves a valid operation; resolver failures null their field and become errors. */
export function executeGraphql(
  operation: GraphqlOperation,
  variables: Record<string, unknown>,
  ctx: ResolveContext,
): GraphqlResponse {
  const errors: GraphqlError[] = [];
  const resolveSet = (
    selections: GraphqlSelection[],
    typeName: string,
    parent: Record<string, unknown>,
    path: string[],
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const selection of selections) {
      if (selection.kind === "inline") {
        if (canBe(typeName, selection.on ?? typeName)) {
          Object.assign(out, resolveSet(selection.selections, typeName, parent, path));
        }
        continue;
      }
      const key = selection.alias ?? selection.name;
      if (selection.name === "__typename") {
        out[key] = typeName;
        continue;
      }
      const field = SCHEMA[typeName]?.fields[selection.name];
      if (!field) continue;
      const args = Object.fromEntries(
        Object.entries(selection.args).map(([name, value]) => [name, valueOf(value, variables)]),
      );
      let value: unknown;
      try {
        value = field.resolve ? field.resolve(parent, args, ctx) : parent[selection.name];
      } catch (error) {
        if (!(error instanceof FieldError)) throw error;
        errors.push({ type: error.type, path: [...path, key], message: error.message });
        value = null;
      }
      const named = field.type.replace(/[[\]!]/g, "");
      if (value === null || value === undefined || SCALARS.has(named)) {
        out[key] = value ?? null;
      } else {
        const object = value as Record<string, unknown>;
        const concrete = typeof object.__typename === "string" ? object.__typename : named;
        out[key] = resolveSet(selection.selections, concrete, object, [...path, key]);
      }
    }
    return out;
  };
  const data = resolveSet(operation.selections, "Query", {}, []);
  return errors.length > 0 ? { data, errors } : { data };
}

/** Whether a value of `typeName` may be seen as `on` (itself, or an interface it implements). */
function canBe(typeName: string, on: string): boolean {
  if (typeName === on) return true;
  const implementations = (name: string) => SCHEMA[name]?.implementations ?? [];
  return implementations(on).includes(typeName) || implementations(typeName).includes(on);
}

function checkArgument(
  operation: GraphqlOperation,
  path: string,
  arg: string,
  argType: string,
  value: GraphqlValue,
): string[] {
  if (value.kind === "literal") {
    return value.value === null && argType.endsWith("!")
      ? [`Argument '${arg}' on ${path} has an invalid value (null)`]
      : !fitsScalar(argType, value.value) && value.value !== null
        ? [`Argument '${arg}' on ${path} has an invalid value (${JSON.stringify(value.value)})`]
        : [];
  }
  const declared = operation.variables[value.name];
  if (declared === undefined)
    return [`Variable $${value.name} is used by ${path} but not declared`];
  // A non-null variable fits a nullable argument; the reverse does not.
  const fits = declared === argType || declared === `${argType}!`;
  return fits
    ? []
    : [`Type mismatch on variable $${value.name} and argument ${arg} (${declared} / ${argType})`];
}

function fitsScalar(type: string, value: unknown): boolean {
  switch (type.replace(/!$/, "")) {
    case "String":
    case "ID":
    case "GitObjectID":
      return typeof value === "string";
    case "Int":
      return Number.isInteger(value);
    case "Boolean":
      return typeof value === "boolean";
    default:
      return false;
  }
}

function valueOf(value: GraphqlValue, variables: Record<string, unknown>): unknown {
  return value.kind === "variable" ? (variables[value.name] ?? null) : value.value;
}
