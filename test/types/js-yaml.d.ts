/** js-yaml (a dependency of electron-builder) ships no types; the builder-config test only parses with it. */
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
