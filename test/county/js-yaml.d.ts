// js-yaml is present only as a transitive dependency and ships no types; the OpenAPI test needs `load`.
// Replace with @types/js-yaml once js-yaml is a declared devDependency.
declare module 'js-yaml' {
  const yaml: { load(text: string): unknown };
  export default yaml;
}
