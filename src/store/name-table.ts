/**
 * A table of names for the evidence store's rows: each identity, id, path or activity written once,
 * a row referring to it by index (rows of numbers are smaller, and faster to write and read).
 */

export class NameTable {
  /** Name → index, made on first use (a re-run that writes nothing never needs it). */
  #index: Map<string, number> | undefined;
  constructor(readonly names: string[] = []) {}

  of(name: string): number {
    this.#index ??= new Map(this.names.map((n, i) => [n, i]));
    let index = this.#index.get(name);
    if (index === undefined) {
      index = this.names.push(name) - 1;
      this.#index.set(name, index);
    }
    return index;
  }
}
