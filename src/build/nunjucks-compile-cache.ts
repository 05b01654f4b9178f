/**
 * Eleventy gives every page of a paginated template its own Nunjucks Template and compiles it
 * again: for 10,000 article pages, the article template, its permalink and each computed field
 * are compiled 10,000 times, most of the render's time. Compiled code depends only on the source,
 * the environment (its filters and tags) and the path, so it is compiled once per environment here
 * and shared. Nunjucks 3.3 (Eleventy's): Template._compile uses tmplProps when it is set.
 */
import { createRequire } from "node:module";

interface NunjucksEnv {
  asyncFilters: unknown;
  extensionsList: unknown;
  opts: unknown;
}

interface TemplateLike {
  tmplProps?: unknown;
  tmplStr: unknown;
  path?: string | null;
  env: NunjucksEnv;
}

let installed = false;

export function installNunjucksCompileCache(): void {
  if (installed) return;
  installed = true;
  // The nunjucks that Eleventy itself loads.
  const require = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const nunjucks = require("nunjucks") as { Template: { prototype: { _compile: (this: TemplateLike) => void } } };
  const compiler = require("nunjucks/src/compiler") as {
    compile: (src: string, asyncFilters: unknown, extensions: unknown, name: string | null | undefined, opts: unknown) => string;
  };
  const compiled = new WeakMap<NunjucksEnv, Map<string, unknown>>();
  const original = nunjucks.Template.prototype._compile;
  nunjucks.Template.prototype._compile = function (this: TemplateLike) {
    if (!this.tmplProps && typeof this.tmplStr === "string") {
      let known = compiled.get(this.env);
      if (!known) compiled.set(this.env, (known = new Map()));
      const key = `${this.path ?? ""}\0${this.tmplStr}`;
      let props = known.get(key);
      if (!props) {
        const source = compiler.compile(this.tmplStr, this.env.asyncFilters, this.env.extensionsList, this.path, this.env.opts);
        props = new Function(source)(); // what Nunjucks itself does with compiled source
        known.set(key, props);
      }
      this.tmplProps = props;
    }
    original.call(this);
  };
}
