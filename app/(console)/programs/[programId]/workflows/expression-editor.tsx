"use client";

import { autocompletion, type Completion, type CompletionContext } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { linter, type Diagnostic as CmDiagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, hoverTooltip, keymap, placeholder } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { check, type Schema } from "@/lib/expr";
import { describeAt, suggest, type Suggestion } from "@/lib/workflows/expression-assist";

// The condition editor (issue 8): CodeMirror 6 with the condition language's highlighting,
// completion of profiles, attributes (the org's extended fields and their allowed values
// included) and methods, lib/expr's diagnostics underlined at their exact range, and hover docs.

const PROFILES = new Set(["currentCustomer", "currentTxn", "currentEvent", "currentUserGroup", "currentTrackerCondition"]);
const LITERALS = new Set(["true", "false", "Yes", "No", "null"]);

const language = StreamLanguage.define<{ afterDot: boolean }>({
  startState: () => ({ afterDot: false }),
  token(stream, state) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return end(state, "string");
    if (stream.match(/^\d+(?:\.\d+)?/)) return end(state, "number");
    if (stream.match(/^(?:&&|\|\||==|!=|<=|>=|[<>!+\-*/%])/)) return end(state, "operator");
    if (stream.eat(".")) {
      state.afterDot = true;
      return "punctuation";
    }
    if (stream.match(/^[A-Za-z_]\w*/)) {
      const word = stream.current();
      const wasAfterDot = state.afterDot;
      state.afterDot = false;
      if (stream.peek() === "(") return "function";
      if (wasAfterDot) return word.startsWith("extField_") ? "propertyName special" : "propertyName";
      if (PROFILES.has(word)) return "keyword";
      if (LITERALS.has(word)) return "atom";
      return "variableName";
    }
    stream.next();
    return end(state, "punctuation");
  },
});

function end(state: { afterDot: boolean }, style: string): string {
  state.afterDot = false;
  return style;
}

const KIND: Record<Suggestion["kind"], string> = { profile: "namespace", attribute: "property", function: "function", method: "method", value: "enum", literal: "keyword" };

const theme = EditorView.theme({
  "&": { fontSize: "13px", border: "1px solid rgb(203 213 225)", borderRadius: "0.375rem", backgroundColor: "white" },
  "&.cm-focused": { outline: "2px solid rgb(99 102 241 / 0.5)", outlineOffset: "1px" },
  ".cm-content": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", padding: "8px 0", minHeight: "2.5rem" },
  ".cm-expr-hover": { maxWidth: "28rem", padding: "6px 8px", fontSize: "12px" },
});

export function ExpressionEditor({
  value,
  onChange,
  schema,
  readOnly,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  schema: Schema;
  readOnly: boolean;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const schemaRef = useRef(schema);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    schemaRef.current = schema;
    onChangeRef.current = onChange;
  }, [schema, onChange]);

  useEffect(() => {
    if (!host.current) return;
    const completions = (ctx: CompletionContext) => {
      const before = ctx.state.sliceDoc(0, ctx.pos);
      const found = suggest(schemaRef.current, before);
      if (!found || (found.from === ctx.pos && !ctx.explicit && !/[.=]\s*$/.test(before))) return null;
      const options: Completion[] = found.options.map((o) => ({ label: o.label, apply: o.apply, type: KIND[o.kind], detail: o.detail, ...(o.info ? { info: o.info } : {}) }));
      return { from: found.from, options, validFor: /^"?\w*"?$/ };
    };
    const lint = linter(
      (v): CmDiagnostic[] => {
        const text = v.state.doc.toString();
        if (text.trim() === "") return [];
        return check(text, schemaRef.current).diagnostics.map((d) => ({
          from: Math.min(d.range.start, text.length),
          to: Math.min(Math.max(d.range.end, d.range.start), text.length),
          severity: d.severity,
          message: d.message,
        }));
      },
      { delay: 150 },
    );
    const hover = hoverTooltip((v, pos) => {
      const info = describeAt(schemaRef.current, v.state.doc.toString(), pos);
      if (!info) return null;
      return {
        pos: info.from,
        end: info.to,
        above: true,
        create: () => {
          const dom = document.createElement("div");
          dom.className = "cm-expr-hover";
          dom.setAttribute("role", "tooltip");
          dom.textContent = info.text;
          return { dom };
        },
      };
    });
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          language,
          syntaxHighlighting(defaultHighlightStyle),
          autocompletion({ override: [completions], activateOnTyping: true }),
          lint,
          hover,
          theme,
          EditorView.lineWrapping,
          placeholder('e.g. currentTxn.extField_member_card_swiped=="Yes"'),
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "false", "data-testid": "expression-input" }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // The editor is built once per mount; value changes from outside are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readOnly]);

  useEffect(() => {
    view.current?.contentDOM.setAttribute("aria-label", label);
  }, [label]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} />;
}
