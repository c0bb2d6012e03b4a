// Parses the subset of GraphQL the simulator answers: one operation with variables, fields with
// aliases and arguments, inline fragments. Anything else (named fragments, directives, several
// operations) is an error: shipgate has no reason to send it.

export type GraphqlValue = { kind: "variable"; name: string } | { kind: "literal"; value: unknown };

export interface GraphqlField {
  kind: "field";
  alias?: string;
  name: string;
  args: Record<string, GraphqlValue>;
  selections: GraphqlSelection[];
}

export interface GraphqlInlineFragment {
  kind: "inline";
  /** The type condition; undefined for `... { }`. */
  on?: string;
  selections: GraphqlSelection[];
}

export type GraphqlSelection = GraphqlField | GraphqlInlineFragment;

export interface GraphqlOperation {
  type: "query" | "mutation" | "subscription";
  name?: string;
  /** Declared variables and their types as written, e.g. { owner: "String!" }. */
  variables: Record<string, string>;
  selections: GraphqlSelection[];
}

export type ParsedGraphql =
  { ok: true; operation: GraphqlOperation } | { ok: false; error: string };

const TOKEN =
  /\s+|,|#[^\n]*|(\.\.\.|[{}():!$=[\]@])|("(?:[^"\\\n]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([_A-Za-z]\w*)/y;

export function parseGraphql(source: string): ParsedGraphql {
  try {
    return { ok: true, operation: parseDocument(tokenize(source)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

type Token = { kind: "punct" | "string" | "number" | "name"; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (match === null)
      throw new Error(`unexpected character at ${at}: ${source.slice(at, at + 10)}`);
    const [, punct, string, number, name] = match;
    if (punct !== undefined) tokens.push({ kind: "punct", text: punct });
    else if (string !== undefined) tokens.push({ kind: "string", text: string });
    else if (number !== undefined) tokens.push({ kind: "number", text: number });
    else if (name !== undefined) tokens.push({ kind: "name", text: name });
  }
  return tokens;
}

/** A recursive-descent parser over the tokens; each inner function reads one construct. */
function parseDocument(tokens: Token[]): GraphqlOperation {
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const next = (): Token => {
    const token = tokens[at++];
    if (!token) throw new Error("unexpected end of the document");
    return token;
  };
  const is = (punct: string) => peek()?.kind === "punct" && peek()?.text === punct;
  const expect = (punct: string) => {
    const token = next();
    if (token.kind !== "punct" || token.text !== punct) {
      throw new Error(`expected ${punct}, found ${token.text}`);
    }
  };
  const name = (): string => {
    const token = next();
    if (token.kind !== "name") throw new Error(`expected a name, found ${token.text}`);
    return token.text;
  };
  const noDirective = () => {
    if (is("@")) throw new Error("directives are not supported");
  };

  const type = (): string => {
    let text: string;
    if (is("[")) {
      expect("[");
      text = `[${type()}]`;
      expect("]");
    } else {
      text = name();
    }
    if (!is("!")) return text;
    expect("!");
    return `${text}!`;
  };

  const variableDefinitions = (): Record<string, string> => {
    const variables: Record<string, string> = {};
    expect("(");
    while (!is(")")) {
      expect("$");
      const variable = name();
      expect(":");
      variables[variable] = type();
      if (is("=")) throw new Error("variable defaults are not supported");
    }
    expect(")");
    return variables;
  };

  const value = (): GraphqlValue => {
    if (is("$")) {
      expect("$");
      return { kind: "variable", name: name() };
    }
    const token = next();
    if (token.kind === "string") return { kind: "literal", value: JSON.parse(token.text) };
    if (token.kind === "number") return { kind: "literal", value: Number(token.text) };
    if (token.kind === "name" && ["true", "false", "null"].includes(token.text)) {
      return { kind: "literal", value: JSON.parse(token.text) };
    }
    if (token.kind === "name") return { kind: "literal", value: token.text }; // an enum value
    throw new Error(`lists and objects as argument values are not supported (at ${token.text})`);
  };

  const selection = (): GraphqlSelection => {
    if (is("...")) {
      expect("...");
      let on: string | undefined;
      if (peek()?.text === "on") {
        next();
        on = name();
      } else if (peek()?.kind === "name") {
        throw new Error("named fragment spreads are not supported");
      }
      noDirective();
      return { kind: "inline", ...(on === undefined ? {} : { on }), selections: selectionSet() };
    }
    let field = name();
    let alias: string | undefined;
    if (is(":")) {
      expect(":");
      alias = field;
      field = name();
    }
    const args: Record<string, GraphqlValue> = {};
    if (is("(")) {
      expect("(");
      while (!is(")")) {
        const arg = name();
        expect(":");
        args[arg] = value();
      }
      expect(")");
    }
    noDirective();
    const selections = is("{") ? selectionSet() : [];
    return {
      kind: "field",
      ...(alias === undefined ? {} : { alias }),
      name: field,
      args,
      selections,
    };
  };

  function selectionSet(): GraphqlSelection[] {
    const selections: GraphqlSelection[] = [];
    expect("{");
    while (!is("}")) selections.push(selection());
    expect("}");
    if (selections.length === 0) throw new Error("a selection set must not be empty");
    return selections;
  }

  let operationType: GraphqlOperation["type"] = "query";
  let operationName: string | undefined;
  let variables: Record<string, string> = {};
  const first = peek();
  if (first?.kind === "name") {
    if (first.text === "fragment") throw new Error("named fragments are not supported");
    if (!["query", "mutation", "subscription"].includes(first.text)) {
      throw new Error(`unexpected ${first.text} at the start of the document`);
    }
    operationType = next().text as GraphqlOperation["type"];
    if (peek()?.kind === "name") operationName = name();
    if (is("(")) variables = variableDefinitions();
  }
  noDirective();
  const selections = selectionSet();
  if (peek()) throw new Error("only one operation per document is supported");
  return {
    type: operationType,
    ...(operationName === undefined ? {} : { name: operationName }),
    variables,
    selections,
  };
}
