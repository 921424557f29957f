/** Ends an exhaustive switch: the compiler proves it unreachable, the throw guards bad data at run time. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
