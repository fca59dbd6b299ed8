import { Badge } from "@/components/ui/badge";
import { anchorOf, typeLabel, type Endpoint, type OpenApiJson } from "./openapi-view-model";
import { SchemaView } from "./schema-view";

const METHOD_TONE = { get: "info", post: "success", put: "warning", patch: "warning", delete: "neutral" } as const;

export function OperationView({ doc, endpoint }: { doc: OpenApiJson; endpoint: Endpoint }) {
  const { method, path, operation } = endpoint;
  const body = operation.requestBody?.content?.["application/json"]?.schema;
  return (
    <section id={anchorOf(endpoint)} aria-labelledby={`${anchorOf(endpoint)}-title`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 id={`${anchorOf(endpoint)}-title`} className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
        <Badge tone={METHOD_TONE[method]} className="font-mono">
          {method.toUpperCase()}
        </Badge>
        <code className="font-mono">{path}</code>
        <span className="font-normal text-slate-600">· {operation.summary}</span>
      </h3>
      {operation.description ? <p className="mt-2 text-sm text-slate-700">{operation.description.split("\n\n")[0]}</p> : null}
      <p className="mt-1 text-xs text-slate-500">
        Scope: <code className="font-mono">{operation["x-scope"] ?? "none (any API client of the org)"}</code>
      </p>

      {operation.parameters?.length ? (
        <div className="mt-4">
          <h4 className="text-sm font-semibold text-slate-800">Parameters</h4>
          <table className="mt-1 w-full text-left text-sm">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">name</th>
                <th className="py-1 pr-3 font-medium">in</th>
                <th className="py-1 pr-3 font-medium">type</th>
                <th className="py-1 font-medium">description</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-3 font-mono">
                    {p.name}
                    {p.required ? <span className="ml-1 text-xs text-rose-700">required</span> : null}
                  </td>
                  <td className="py-1 pr-3 text-slate-600">{p.in}</td>
                  <td className="py-1 pr-3 font-mono text-xs text-brand-700">{p.schema ? typeLabel(doc, p.schema) : ""}</td>
                  <td className="py-1 text-slate-600">{p.description ?? p.schema?.description ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {body ? (
        <div className="mt-4">
          <h4 className="text-sm font-semibold text-slate-800">Request body</h4>
          <SchemaView doc={doc} schema={body} />
        </div>
      ) : null}

      <div className="mt-4">
        <h4 className="text-sm font-semibold text-slate-800">Responses</h4>
        <ul className="mt-1 space-y-2">
          {Object.entries(operation.responses).map(([status, response]) => {
            const media = response.content?.["application/json"];
            const examples = Object.values(media?.examples ?? {});
            return (
              <li key={status} className="text-sm">
                <details>
                  <summary className="cursor-pointer">
                    <span className={`font-mono font-semibold ${status.startsWith("2") ? "text-emerald-700" : "text-rose-700"}`}>{status}</span>{" "}
                    <span className="text-slate-700">{response.description}</span>
                  </summary>
                  <div className="mt-2 pl-4">
                    {examples.length > 0 ? (
                      <ul className="list-disc pl-4 text-xs text-slate-700">
                        {examples.map((e, i) => (
                          <li key={i} className="font-mono">
                            {e.summary}
                          </li>
                        ))}
                      </ul>
                    ) : media?.schema ? (
                      <SchemaView doc={doc} schema={media.schema} />
                    ) : null}
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
