import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { openApiDocument } from "@/lib/api/openapi/document";
import { anchorOf, endpointsByTag, type OpenApiJson } from "./openapi-view-model";
import { OperationView } from "./operation-view";

export const metadata: Metadata = { title: "API reference" };

/**
 * /docs: a readable view of the OpenAPI document served at /api/docs, rendered here from the same
 * document (no external viewer assets: the machine that runs the console may be offline). Public,
 * like the document: it describes the API and holds no data.
 */
export default function ApiDocsPage() {
  // The document as plain JSON: the view reads it the way an API tool would.
  const doc = JSON.parse(JSON.stringify(openApiDocument())) as OpenApiJson;
  const byTag = endpointsByTag(doc);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <header className="mb-6 flex flex-wrap items-center gap-4">
        <Image src="/logo.svg" alt="" width={40} height={40} priority />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{doc.info.title}</h1>
          <p className="text-sm text-slate-600">
            Version {doc.info.version} · OpenAPI 3.1 ·{" "}
            <a className="text-brand-700 underline" href="/api/docs/openapi.json">
              openapi.json
            </a>
          </p>
        </div>
      </header>
      {doc.info.description ? <p className="mb-6 max-w-3xl text-sm text-slate-700">{doc.info.description}</p> : null}
      <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
        <nav aria-label="Endpoints" className="text-sm md:sticky md:top-4 md:self-start">
          {[...byTag].map(([tag, endpoints]) => (
            <div key={tag} className="mb-4">
              <div className="mb-1 font-semibold text-slate-800">{tag}</div>
              <ul className="space-y-0.5">
                {endpoints.map((e) => (
                  <li key={anchorOf(e)}>
                    <Link href={`#${anchorOf(e)}`} className="block truncate font-mono text-xs text-slate-600 hover:text-brand-700">
                      {e.method.toUpperCase()} {e.path}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main className="space-y-10">
          {[...byTag].map(([tag, endpoints]) => (
            <section key={tag} aria-labelledby={tagId(tag)}>
              <h2 id={tagId(tag)} className="mb-3 text-lg font-semibold text-slate-900">
                {tag}
              </h2>
              <div className="space-y-4">
                {endpoints.map((e) => (
                  <OperationView key={anchorOf(e)} doc={doc} endpoint={e} />
                ))}
              </div>
            </section>
          ))}
        </main>
      </div>
    </div>
  );
}

const tagId = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
