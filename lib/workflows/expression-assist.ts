import type { Schema } from "@/lib/expr";
import { methodsFor, METHODS } from "@/lib/expr/methods";
import { TYPE_LABEL } from "@/lib/expr/types";

// What the condition editor offers while typing (issue 8): profiles, their attributes and
// functions, the methods of an attribute's type, and an enum field's allowed values after == or
// !=; and what hovering a word explains. Pure, so it is tested here and runs in the browser.

export type Suggestion = {
  readonly label: string;
  /** Text inserted (a value is inserted with its quotes). */
  readonly apply: string;
  readonly kind: "profile" | "attribute" | "function" | "method" | "value" | "literal";
  readonly detail: string;
  readonly info?: string;
};

export type Suggestions = { readonly from: number; readonly options: readonly Suggestion[] };

const PATH_BEFORE = /((?:[A-Za-z_]\w*\s*\.\s*)*)([A-Za-z_]\w*)?$/;
const VALUE_BEFORE = /((?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*)\s*(?:==|!=)\s*("?)([^"\s]*)$/;
const LITERALS = ["true", "false", "Yes", "No", "null"];

/** Suggestions for the text before the cursor; null when there is nothing to offer there. */
export function suggest(schema: Schema, textBefore: string): Suggestions | null {
  const value = VALUE_BEFORE.exec(textBefore);
  if (value) {
    const attr = resolveAttribute(schema, value[1]!.split("."));
    if (attr?.allowedValues) {
      const typed = (value[2] ?? "") + (value[3] ?? "");
      return {
        from: textBefore.length - typed.length,
        options: attr.allowedValues.map((v) => ({ label: `"${v}"`, apply: `"${v}"`, kind: "value" as const, detail: `allowed value of ${attr.name}` })),
      };
    }
  }
  // Inside a string literal nothing is offered.
  if ((textBefore.match(/"/g)?.length ?? 0) % 2 === 1) return null;
  const m = PATH_BEFORE.exec(textBefore);
  if (!m) return null;
  const word = m[2] ?? "";
  const from = textBefore.length - word.length;
  const path = (m[1] ?? "").split(".").map((s) => s.trim()).filter(Boolean);
  if (path.length === 0) {
    if (word === "" && !/(^|[\s(!&|=<>+\-*/%])$/.test(textBefore)) return null;
    const profiles = [...schema.profiles.values()].map((p) => ({ label: p.name, apply: p.name, kind: "profile" as const, detail: "profile" }));
    return { from, options: [...profiles, ...LITERALS.map((l) => ({ label: l, apply: l, kind: "literal" as const, detail: "literal" }))] };
  }
  const profile = schema.profiles.get(path[0]!);
  if (!profile) return null;
  if (path.length === 1) {
    const attributes = [...profile.attributes.values()].map((a) => ({
      label: a.name,
      apply: a.name,
      kind: "attribute" as const,
      detail: a.extended ? `extended field · ${TYPE_LABEL[a.type]}` : TYPE_LABEL[a.type],
      ...(a.allowedValues ? { info: `One of ${a.allowedValues.map((v) => `"${v}"`).join(", ")}.` } : {}),
    }));
    const functions = [...profile.functions.values()].map((f) => ({
      label: `${f.name}()`,
      apply: `${f.name}(`,
      kind: "function" as const,
      detail: `(${f.params.map((p) => p.name).join(", ")}) → ${TYPE_LABEL[f.returns]}`,
      info: f.description,
    }));
    return { from, options: [...attributes, ...functions] };
  }
  const attr = path.length === 2 ? profile.attributes.get(path[1]!) : undefined;
  if (!attr) return null;
  return {
    from,
    options: methodsFor(attr.type).map((md) => ({
      label: `${md.name}()`,
      apply: md.params.length === 0 ? `${md.name}()` : `${md.name}(`,
      kind: "method" as const,
      detail: `(${md.params.map((p) => p.name).join(", ")}) → ${TYPE_LABEL[md.returns]}`,
      info: md.description,
    })),
  };
}

/** What a word under the pointer means, e.g. "currentTxn.value: a number. …"; null for anything else. */
export function describeAt(schema: Schema, source: string, offset: number): { from: number; to: number; text: string } | null {
  const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);
  let from = offset;
  let to = offset;
  while (from > 0 && isWord(source[from - 1])) from--;
  while (to < source.length && isWord(source[to])) to++;
  if (from === to) return null;
  const word = source.slice(from, to);
  const before = source.slice(0, from);
  const path = /((?:[A-Za-z_]\w*\.)*)$/.exec(before)?.[1]?.split(".").filter(Boolean) ?? [];
  if (path.length === 0) {
    const profile = schema.profiles.get(word);
    if (profile) return { from, to, text: `${word}: a profile with ${profile.attributes.size} attributes. Type "${word}." to list them.` };
    return null;
  }
  const profile = schema.profiles.get(path[0]!);
  if (!profile) return null;
  if (path.length === 1) {
    const attr = profile.attributes.get(word);
    if (attr) {
      const values = attr.allowedValues ? ` One of ${attr.allowedValues.map((v) => `"${v}"`).join(", ")}.` : "";
      return { from, to, text: `${profile.name}.${word}: ${TYPE_LABEL[attr.type]}${attr.extended ? ", a declared extended field" : ""}. Absent on an event means null.${values}` };
    }
    const fn = profile.functions.get(word);
    if (fn) return { from, to, text: `${profile.name}.${word}(${fn.params.map((p) => p.name).join(", ")}) → ${TYPE_LABEL[fn.returns]}. ${fn.description}` };
    return null;
  }
  const method = METHODS.find((md) => md.name === word);
  return method ? { from, to, text: `${word}(${method.params.map((p) => p.name).join(", ")}) → ${TYPE_LABEL[method.returns]}. ${method.description}` } : null;
}

function resolveAttribute(schema: Schema, path: readonly string[]) {
  if (path.length !== 2) return undefined;
  return schema.profiles.get(path[0]!)?.attributes.get(path[1]!);
}
