import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every server-action module exports only actions made by defineAction, which checks the session
// and the role (STYLE.md: forgetting auth should be impossible, not merely wrong). A "use server"
// module is reachable by direct POST, so one unguarded export would be an open door.
function serverActionModules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return serverActionModules(full);
    if (!/\.tsx?$/.test(name) || name.endsWith(".test.ts")) return [];
    return /^\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

const modules = serverActionModules(path.join(process.cwd(), "app"));

describe("server actions", () => {
  it("exist, so this guard is checking something", () => {
    expect(modules.length).toBeGreaterThan(0);
  });

  it.each(modules)("%s exports only defineAction-built actions", (file) => {
    const source = readFileSync(file, "utf8");
    const exported = [...source.matchAll(/^export\s+(?:async\s+)?(const|let|function|default)\s*(\w*)/gm)];
    expect(exported.length).toBeGreaterThan(0);
    for (const [, kind, name] of exported) {
      expect(kind, `${name} in ${file} must be \`export const ${name} = defineAction(...)\``).toBe("const");
      expect(source, `${name} in ${file} must be built by defineAction`).toMatch(new RegExp(`export const ${name}\\s*=\\s*defineAction\\(`));
    }
  });
});
