// The custom elements manifest is the public contract tools read (IDEs, Storybook, docs). This
// runs the analyzer on the current source (the same config as `npm run analyze`, nothing
// written) and checks it against what the package really registers, fires and renders.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

interface Named {
  name: string;
  description?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
  attributes?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[] }[];
}

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(packageDir, path), 'utf8');

/** Tags with a per-element entry point: `"./mentor-search.js"` → dist/define/mentor-search.js. */
const exportedTags = Object.entries(JSON.parse(read('package.json')).exports as Record<string, unknown>)
  .filter(([, target]) => typeof target === 'object' && String((target as { default: string }).default).startsWith('./dist/define/'))
  .map(([key]) => key.slice(2, -3))
  .sort();

/** Every event the package fires: the keys of the one typed event map. */
const eventMap = read('src/events.ts').match(/interface MentorkitEventDetails \{([\s\S]*?)\n\}/)?.[1] ?? '';
const mapEvents = [...eventMap.matchAll(/^\s*'([a-z-]+)':/gm)].map((m) => m[1]!).sort();

/** Every word on a source line that sets a part: `part="a b"`, `part=${x ? 'a' : 'b'}`, `part: 'a'`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(packageDir, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test') && !entry.name.includes('test-') ? [path] : [];
  });
}
const templateText = sourceFiles('src/components').map(read).join('\n');
const renderedParts = new Set(
  templateText
    .split('\n')
    .filter((line) => /\bpart[=:]/.test(line))
    .flatMap((line) => line.match(/[a-z][a-z0-9-]*/g) ?? []),
);

let manifest: Manifest;
let elements: Map<string, Declaration>;

beforeAll(async () => {
  const { cli } = (await import('@custom-elements-manifest/analyzer/cli.js' as string)) as {
    cli(options: { argv: string[]; cwd: string; noWrite: boolean }): Promise<Manifest>;
  };
  manifest = await cli({ argv: ['analyze', '--quiet'], cwd: packageDir, noWrite: true });
  elements = new Map(
    manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]),
  );
}, 120_000);

describe('custom-elements.json', () => {
  it('has every tag that has an entry point, each defined by its define module', () => {
    expect(exportedTags.length).toBeGreaterThanOrEqual(8);
    expect([...elements.keys()].sort()).toEqual(exportedTags);
    const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => ({ ...e, from: m.path })));
    for (const tag of exportedTags) {
      const definition = definitions.find((d) => d.name === tag);
      expect(definition?.from, tag).toBe(`src/define/${tag}.ts`);
      expect(definition?.declaration.module, tag).toMatch(/^src\/components\/.+\.component\.ts$/);
      expect(elements.get(tag)?.customElement, tag).toBe(true);
    }
  });

  it('documents every event of the event map on an element that fires it', () => {
    const documented = new Set([...elements.values()].flatMap((d) => (d.events ?? []).map((e) => e.name)));
    expect(mapEvents.length).toBeGreaterThan(5);
    for (const event of mapEvents) expect(documented.has(event), `@fires ${event}`).toBe(true);
    // …and documents no event the map does not type.
    for (const event of documented) expect(mapEvents, `@fires ${event}`).toContain(event);
    for (const [tag, d] of elements) for (const e of d.events ?? []) expect(e.description, `${tag} @fires ${e.name}`).toBeTruthy();
  });

  it('lists the parts, custom properties and attributes of every styled element', () => {
    for (const [tag, d] of elements) {
      if (tag === 'mentorship-provider') {
        // It only wires: no box of its own (display: contents), one default slot.
        expect(d.slots?.map((s) => s.name)).toEqual(['']);
        continue;
      }
      const parts = (d.cssParts ?? []).map((p) => p.name);
      expect(parts, tag).toContain('base');
      for (const part of parts) expect(renderedParts.has(part), `${tag}: @csspart ${part} is rendered somewhere`).toBe(true);
      const properties = (d.cssProperties ?? []).map((p) => p.name);
      // The system tier (THEMING.md) reaches every element.
      for (const system of ['--mentorship-color-accent', '--mentorship-color-text', '--mentorship-color-surface']) expect(properties, tag).toContain(system);
      for (const p of properties) expect(p, tag).toMatch(/^--mentorship-[a-z0-9-]+$/);
      const attributes = (d.attributes ?? []).map((a) => a.name);
      expect(attributes, tag).toEqual(expect.arrayContaining(['api', 'theme']));
    }
  });
});
