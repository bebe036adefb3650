// `cem analyze` (run by `npm run analyze` here, and by the root `npm run build`) writes
// custom-elements.json from the classes' JSDoc: @fires, @csspart, @cssproperty, @slot.

/**
 * Tags are registered with our `defineElement(tag, Class)` (it tolerates a second copy of the
 * bundle), which the analyzer does not know as it knows `customElements.define`. This plugin
 * reads those calls in src/define/*.ts, so the tag names come from the one place that registers
 * them: each call becomes a `custom-element-definition` export, and the class gets its `tagName`.
 */
function defineElementCalls() {
  const definitions = [];
  return {
    name: 'mentorkit-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, ctor] = node.arguments;
      if (!tag || !ctor || !ts.isStringLiteral(tag)) return;
      const definition = { kind: 'custom-element-definition', name: tag.text, declaration: { name: ctor.getText() } };
      moduleDoc.exports = [...(moduleDoc.exports ?? []), definition];
      definitions.push(definition);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const definition of definitions) {
        for (const module of customElementsManifest.modules) {
          const declaration = module.declarations?.find((d) => d.kind === 'class' && d.name === definition.declaration.name);
          if (!declaration) continue;
          declaration.tagName = definition.name;
          declaration.customElement = true;
          definition.declaration.module = module.path;
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.component.ts', 'src/define/*.ts', 'src/internal/mentorkit-element.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  dependencies: false,
  plugins: [defineElementCalls()],
};
