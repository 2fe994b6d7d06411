/**
 * Every field name a handler's input schema can report in a validation error,
 * found by walking the zod schema (objects, lists, records, optional and
 * defaulted fields, unions, pipes). Used to prove that each one has a Chinese label.
 */
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Paths of every named field, e.g. ['attendance', 0, 'memberName'], lists shown as index 0. */
export function fieldPaths(schema: z.ZodType, at: (string | number)[] = [], seen = new Set<z.ZodType>()): (string | number)[][] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const d = defOf(schema);
  const inner = (s: z.ZodType | undefined, p = at) => (s ? fieldPaths(s, p, seen) : []);
  switch (d.type) {
    case 'object':
      return Object.entries(d.shape ?? {}).flatMap(([k, v]) => [[...at, k], ...fieldPaths(v, [...at, k], new Set(seen))]);
    case 'array':
      return [[...at, 0], ...inner(d.element, [...at, 0])];
    case 'record':
      return inner(d.valueType, [...at, '某项']);
    case 'union':
      return (d.options ?? []).flatMap((o) => fieldPaths(o, at, new Set(seen)));
    case 'intersection':
      return [...inner(d.left), ...inner(d.right)];
    case 'pipe':
      return [...inner(d.in), ...inner(d.out)];
    case 'lazy':
      return inner(d.getter?.());
    default:
      return d.innerType ? inner(d.innerType) : [];
  }
}
