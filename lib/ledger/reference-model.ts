// A plain in-memory ledger that the property test runs beside the real one (DESIGN.md §3): the
// same rules written the simplest way, in integer hundredths of a point. It is the specification
// the PL/pgSQL posting functions are checked against; nothing in the app uses it.

export type ModelLot = { id: number; account: string; movement: number; amount: number; remaining: number; expiresAt: number | null; earnedAt: number; promotional?: boolean };
type Consumption = { lot: ModelLot; amount: number };
type Movement = { id: number; kind: string; postings: { account: string; amount: number }[]; consumptions: Consumption[]; reversed: boolean };
export type ModelAccount = { balance: number; lifetime: number; isGroup: boolean };

export class ModelRefusal extends Error {
  constructor(readonly code: number) {
    super(`refused ${code}`);
  }
}

export class ReferenceLedger {
  readonly accounts = new Map<string, ModelAccount>();
  readonly lots: ModelLot[] = [];
  readonly movements: Movement[] = [];
  private lotSeq = 0;
  private movementSeq = 0;

  earn(account: string, isGroup: boolean, amount: number, lot: { expiresAt: number | null; earnedAt: number; promotional?: boolean }, kind = "EARN"): Movement {
    if (lot.promotional && isGroup) throw new ModelRefusal(422);
    const acc = this.account(account, isGroup);
    const m = this.movement(kind, account, amount);
    acc.balance += amount;
    const gain = Math.min(amount, Math.max(acc.balance, 0));
    const created = { id: ++this.lotSeq, account, movement: m.id, amount, remaining: gain, expiresAt: lot.expiresAt, earnedAt: lot.earnedAt, promotional: lot.promotional ?? false };
    this.lots.push(created);
    if (kind === "EARN") acc.lifetime += amount;
    return m;
  }

  debit(account: string, isGroup: boolean, amount: number, kind: "REDEEM" | "RETURN" | "ADJUST", prefer: number[] = []): Movement {
    const acc = this.account(account, isGroup);
    if (acc.balance - amount < 0 && !(isGroup && kind === "RETURN")) throw new ModelRefusal(818);
    const m = this.movement(kind, account, -amount);
    m.consumptions = this.consume(account, amount, prefer);
    acc.balance -= amount;
    if (kind === "RETURN") acc.lifetime -= amount;
    return m;
  }

  reverse(movementId: number): Movement {
    const orig = this.movements.find((m) => m.id === movementId);
    if (!orig) throw new ModelRefusal(404);
    if (orig.kind === "REVERSE") throw new ModelRefusal(422);
    if (orig.reversed) throw new ModelRefusal(3802);
    for (const p of orig.postings) {
      if (p.amount > 0 && this.accounts.get(p.account)!.balance - p.amount < 0) throw new ModelRefusal(818);
    }
    orig.reversed = true;
    const rev: Movement = { id: ++this.movementSeq, kind: "REVERSE", postings: orig.postings.map((p) => ({ account: p.account, amount: -p.amount })), consumptions: [], reversed: false };
    this.movements.push(rev);
    for (const p of orig.postings) {
      const acc = this.accounts.get(p.account)!;
      if (p.amount > 0) {
        this.consume(p.account, p.amount, [orig.id]);
        acc.balance -= p.amount;
      } else {
        const before = acc.balance;
        acc.balance -= p.amount;
        let gain = Math.max(acc.balance, 0) - Math.max(before, 0);
        const taken = orig.consumptions.filter((c) => c.lot.account === p.account);
        let never = false;
        let latest: number | null = null;
        for (const c of [...taken].reverse()) {
          if (c.lot.expiresAt === null) never = true;
          else if (latest === null || c.lot.expiresAt > latest) latest = c.lot.expiresAt;
          if (gain <= 0) continue;
          const give = Math.min(c.amount, gain);
          c.lot.remaining += give;
          gain -= give;
        }
        if (gain > 0) {
          this.lots.push({ id: ++this.lotSeq, account: p.account, movement: rev.id, amount: gain, remaining: gain, expiresAt: never ? null : latest, earnedAt: 0 });
        }
      }
      if (orig.kind === "EARN" || orig.kind === "RETURN") acc.lifetime -= p.amount;
    }
    return rev;
  }

  /** The expiry sweep: per account, one EXPIRE movement taking what is left of its lots due by `asOf`. */
  expire(asOf: number): Movement[] {
    const out: Movement[] = [];
    for (const [key, acc] of this.accounts) {
      const due = this.lots.filter((l) => l.account === key && l.remaining > 0 && l.expiresAt !== null && l.expiresAt <= asOf).reduce((sum, l) => sum + l.remaining, 0);
      if (due === 0) continue;
      const m = this.movement("EXPIRE", key, -due);
      m.consumptions = this.consume(key, due, []);
      acc.balance -= due;
      out.push(m);
    }
    return out;
  }

  /**
   * A transfer (lib/ledger/transfer.ts): the sender's open lots first-expiring first (regular ones
   * only for a group recipient), each piece arriving as a lot with the same kind, expiry and award
   * date; a recipient below zero is repaid from the first pieces.
   */
  transfer(from: string, fromIsGroup: boolean, to: string, toIsGroup: boolean, amount: number): Movement {
    const open = this.lots
      .filter((l) => l.account === from && l.remaining > 0 && !(toIsGroup && l.promotional))
      .sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) || a.earnedAt - b.earnedAt || a.id - b.id);
    if (open.reduce((sum, l) => sum + l.remaining, 0) < amount) throw new ModelRefusal(818);
    const sender = this.account(from, fromIsGroup);
    const m: Movement = { id: ++this.movementSeq, kind: "TRANSFER", postings: [{ account: from, amount: -amount }, { account: to, amount }], consumptions: [], reversed: false };
    this.movements.push(m);
    let need = amount;
    for (const lot of open) {
      if (need <= 0) break;
      const take = Math.min(lot.remaining, need);
      lot.remaining -= take;
      need -= take;
      m.consumptions.push({ lot, amount: take });
    }
    sender.balance -= amount;
    const recipient = this.account(to, toIsGroup);
    recipient.balance += amount;
    let debt = amount - (Math.max(recipient.balance, 0) - Math.max(recipient.balance - amount, 0));
    for (const { lot, amount: piece } of m.consumptions) {
      const repay = Math.min(piece, debt);
      debt -= repay;
      this.lots.push({ id: ++this.lotSeq, account: to, movement: m.id, amount: piece, remaining: piece - repay, expiresAt: lot.expiresAt, earnedAt: lot.earnedAt, promotional: lot.promotional ?? false });
    }
    return m;
  }

  private consume(account: string, amount: number, prefer: number[]): Consumption[] {
    const open = this.lots
      .filter((l) => l.account === account && l.remaining > 0)
      .sort(
        (a, b) =>
          Number(prefer.includes(b.movement)) - Number(prefer.includes(a.movement)) ||
          (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) ||
          a.earnedAt - b.earnedAt ||
          a.id - b.id,
      );
    let need = amount;
    const taken: Consumption[] = [];
    for (const lot of open) {
      if (need <= 0) break;
      const take = Math.min(lot.remaining, need);
      lot.remaining -= take;
      need -= take;
      taken.push({ lot, amount: take });
    }
    return taken;
  }

  private account(key: string, isGroup: boolean): ModelAccount {
    let acc = this.accounts.get(key);
    if (!acc) {
      acc = { balance: 0, lifetime: 0, isGroup };
      this.accounts.set(key, acc);
    }
    return acc;
  }

  private movement(kind: string, account: string, amount: number): Movement {
    const m: Movement = { id: ++this.movementSeq, kind, postings: [{ account, amount }], consumptions: [], reversed: false };
    this.movements.push(m);
    return m;
  }
}
