import { z } from 'zod';

/** One call from the renderer over the socket; the core validates `input` against the contract. */
const ClientMessageSchema = z.object({
  id: z.number().int().nonnegative(),
  call: z.string().min(1).max(64),
  input: z.unknown().optional(),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/**
 * Close code for a renderer socket that a newer one replaced (one renderer at a time, the newest wins).
 * The renderer keeps its own copy in src-renderer/api/ws-client.ts (it imports src-main as types only).
 */
export const CLOSE_REPLACED = 4001;

/** Parses a socket text frame; returns undefined for anything that is not a well-formed call. */
export function parseClientMessage(text: string): ClientMessage | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = ClientMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
