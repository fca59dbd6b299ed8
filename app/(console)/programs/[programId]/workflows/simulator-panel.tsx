"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { EvalContext, ExtendedFieldDecl } from "@/lib/expr";
import { simulateWorkflow, type WorkflowOutcome } from "@/lib/workflows/evaluate";
import { schemaOf } from "@/lib/workflows/org-schema-client";
import { ACTIVITIES, type ActivityCode, type WorkflowDocument } from "@/lib/workflows/schema";
import { simulationCustomersAction } from "./actions";

// The simulator (issue 8): an event in, the outcome out, with nothing written. It runs the pure
// evaluator in the browser against the editor's draft or the LIVE version.

type Target = { label: string; document: WorkflowDocument; fields: readonly ExtendedFieldDecl[] };
type Customer = { id: number; label: string; context: EvalContext };
const ABSENT = "__absent__";

export function SimulatorPanel({ programId, activity, targets }: { programId: number; activity: ActivityCode; targets: readonly Target[] }) {
  const [targetIndex, setTargetIndex] = useState(0);
  const [chosenActivity, setActivity] = useState<ActivityCode>(activity);
  const [amount, setAmount] = useState("1000");
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [ext, setExt] = useState<Record<string, string>>({});
  const [who, setWho] = useState<"profile" | "customer">("profile");
  const [profile, setProfile] = useState({ isGroupMember: true, slabNumber: "1", lifetimePurchases: "0", currentPoints: "0" });
  const [search, setSearch] = useState("");
  const [customers, setCustomers] = useState<Customer[]>([]);
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<(WorkflowOutcome & { problems: readonly unknown[] }) | null>(null);
  const target = targets[targetIndex] ?? targets[0];
  const txnFields = (target?.fields ?? []).filter((f) => f.scope === "TRANSACTION");

  async function findCustomers() {
    const result = await simulationCustomersAction({ programId, search });
    if (!result.ok) return toast.error(result.error.message);
    setCustomers(result.data);
    setCustomerId(result.data[0]?.id ?? null);
    if (result.data.length === 0) toast.info("No customer matches.");
  }

  function run() {
    if (!target) return;
    const currentTxn: Record<string, unknown> = {};
    if (amount.trim() !== "") currentTxn.value = amount.trim();
    for (const f of txnFields) {
      const v = ext[f.name];
      if (v !== undefined && v !== ABSENT && v !== "") currentTxn[`extField_${f.name}`] = v;
    }
    let context: Record<string, unknown> = { currentTxn };
    if (who === "customer") {
      const c = customers.find((x) => x.id === customerId);
      if (!c) return toast.error("Find and choose a customer first.");
      context = { ...c.context, currentTxn };
    } else {
      context.currentCustomer = { isGroupMember: profile.isGroupMember, slabNumber: profile.slabNumber, lifetimePurchases: profile.lifetimePurchases, currentPoints: profile.currentPoints };
      if (profile.isGroupMember) context.currentUserGroup = { name: "Simulated group", slabNumber: profile.slabNumber };
    }
    const eventDate = new Date(`${date}T12:00:00Z`);
    setOutcome(simulateWorkflow(target.document, schemaOf(target.fields), { activity: chosenActivity, context, eventDate: Number.isFinite(eventDate.getTime()) ? eventDate : new Date() }));
  }

  if (!target) return <p className="text-sm text-slate-500">Nothing to simulate yet: the program has no saved or LIVE workflow.</p>;
  return (
    <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
      <form
        aria-label="Simulated event"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <Labelled label="Run against">
          {(id) => (
            <Select id={id} value={targetIndex} onChange={(e) => setTargetIndex(Number(e.target.value))}>
              {targets.map((t, i) => (
                <option key={t.label} value={i}>
                  {t.label}
                </option>
              ))}
            </Select>
          )}
        </Labelled>
        <Labelled label="Activity">
          {(id) => (
            <Select id={id} value={chosenActivity} onChange={(e) => setActivity(e.target.value as ActivityCode)}>
              {ACTIVITIES.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.label} ({a.code})
                </option>
              ))}
            </Select>
          )}
        </Labelled>
        <Labelled label="Event date">{(id) => <Input id={id} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}</Labelled>
        <Labelled label="Transaction amount">{(id) => <Input id={id} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}</Labelled>
        {txnFields.map((f) => (
          <Labelled key={f.name} label={`Extended field ${f.name}`}>
            {(id) =>
              f.type === "enum" ? (
                <Select id={id} value={ext[f.name] ?? ABSENT} onChange={(e) => setExt({ ...ext, [f.name]: e.target.value })}>
                  <option value={ABSENT}>(not sent)</option>
                  {(f.allowedValues ?? []).map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input id={id} value={ext[f.name] ?? ""} placeholder="(not sent)" onChange={(e) => setExt({ ...ext, [f.name]: e.target.value })} />
              )
            }
          </Labelled>
        ))}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Customer</legend>
          <label className="mr-4 text-sm">
            <input type="radio" name="who" checked={who === "profile"} onChange={() => setWho("profile")} /> Made-up profile
          </label>
          <label className="text-sm">
            <input type="radio" name="who" checked={who === "customer"} onChange={() => setWho("customer")} /> A customer of the org
          </label>
          {who === "profile" ? (
            <div className="grid grid-cols-2 gap-2">
              <label className="col-span-2 text-sm">
                <input type="checkbox" checked={profile.isGroupMember} onChange={(e) => setProfile({ ...profile, isGroupMember: e.target.checked })} /> Is a group member
              </label>
              <Labelled label="Tier number">{(id) => <Input id={id} value={profile.slabNumber} onChange={(e) => setProfile({ ...profile, slabNumber: e.target.value })} />}</Labelled>
              <Labelled label="Current points">{(id) => <Input id={id} value={profile.currentPoints} onChange={(e) => setProfile({ ...profile, currentPoints: e.target.value })} />}</Labelled>
              <Labelled label="Lifetime purchases">{(id) => <Input id={id} value={profile.lifetimePurchases} onChange={(e) => setProfile({ ...profile, lifetimePurchases: e.target.value })} />}</Labelled>
            </div>
          ) : (
            <div className="space-y-2">
              <div className="flex gap-2">
                <Input aria-label="Search customers" placeholder="Name or id" value={search} onChange={(e) => setSearch(e.target.value)} />
                <Button variant="secondary" onClick={() => void findCustomers()}>
                  Find
                </Button>
              </div>
              {customers.length > 0 ? (
                <Select aria-label="Customer" value={customerId ?? ""} onChange={(e) => setCustomerId(Number(e.target.value))}>
                  {customers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              ) : null}
            </div>
          )}
        </fieldset>
        <Button type="submit">Run simulation</Button>
      </form>
      <div aria-live="polite">{outcome ? <OutcomeView outcome={outcome} /> : <p className="text-sm text-slate-500">Enter an event and run it: nothing is written.</p>}</div>
    </div>
  );
}

function OutcomeView({ outcome }: { outcome: WorkflowOutcome }) {
  return (
    <div className="space-y-4">
      <section aria-label="Allocations" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="text-sm font-semibold">Allocations that would result</h3>
        {outcome.allocations.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">No points would be allocated.</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1">Condition</th>
                <th>Wallet</th>
                <th>Points</th>
                <th>Kind</th>
                <th>Expires</th>
                <th>How</th>
              </tr>
            </thead>
            <tbody>
              {outcome.allocations.map((a, i) => (
                <tr key={i} className="border-t border-slate-100">
                  <td className="py-1">{a.conditionName}</td>
                  <td>{a.wallet === "USER_GROUP" ? "User Group" : "Individual"}</td>
                  <td className="font-mono">{a.points}{a.points !== a.uncappedPoints ? ` (capped from ${a.uncappedPoints})` : ""}</td>
                  <td>{a.kind === "REGULAR" ? "Regular" : "Promotional"}</td>
                  <td>{a.expiry.expiresAt ? a.expiry.expiresAt.slice(0, 10) : "Never"}</td>
                  <td className="text-xs text-slate-500">{a.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {outcome.actions.length > 0 ? (
          <ul className="mt-2 text-sm">
            {outcome.actions.map((a, i) => (
              <li key={i}>
                {a.conditionName}: {a.action.type}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-label="Conditions evaluated" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="text-sm font-semibold">Conditions</h3>
        {outcome.rulesets.length === 0 ? <p className="mt-1 text-sm text-slate-500">No ruleset for this activity.</p> : null}
        {outcome.rulesets.map((r) => (
          <div key={r.name} className="mt-2">
            <p className="text-xs font-medium text-slate-500">Ruleset {r.name}{r.inScope ? "" : ` — skipped: ${r.outOfScopeReason}`}</p>
            <ul className="space-y-2">
              {r.conditions.map((c) => (
                <li key={c.id} aria-label={`Result of ${c.name}`} className="rounded border border-slate-100 p-2">
                  <p className="text-sm">
                    <span className="font-medium">{c.name}</span>:{" "}
                    {c.result === null ? <span className="text-red-700">has errors, not evaluated</span> : c.result ? <span className="text-green-700">matched (runs When true)</span> : <span className="text-slate-600">not matched (runs When false)</span>}
                  </p>
                  {c.explanation ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs text-slate-500">Evaluation trace</summary>
                      <table className="mt-1 w-full font-mono text-xs">
                        <tbody>
                          {c.explanation.steps.map((s, i) => (
                            <tr key={i}>
                              <td className="pr-2">{s.source}</td>
                              <td>{s.value === null ? "null" : String(s.value)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}

function Labelled({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = `sim-${label.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children(id)}
    </div>
  );
}
