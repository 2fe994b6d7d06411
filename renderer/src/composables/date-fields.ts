/**
 * The date fields on screen (components/DateField.vue) register here, so that a
 * save can first commit what was typed and not yet confirmed: `datesReady()`
 * commits every field (or those inside `within`) and says whether all of them
 * hold a real date. A field whose text is no date keeps the text, shows why
 * under itself, and the save does not go ahead.
 */
export interface DateFieldHandle {
  /** commits the typed text; false when it is no date (the field then shows the objection) */
  commit(): boolean;
  el(): HTMLElement | null;
}

const fields = new Set<DateFieldHandle>();

export function registerDateField(f: DateFieldHandle): () => void {
  fields.add(f);
  return () => fields.delete(f);
}

/**
 * Commits every date field on screen (inside `within`, if given; fields in a
 * closed dialog or a hidden tab are skipped); true when all of them hold a
 * date or are empty.
 */
export function datesReady(within?: HTMLElement | null): boolean {
  let ok = true;
  for (const f of fields) {
    const el = f.el();
    if (el && (!el.isConnected || !el.getClientRects().length || (within && !within.contains(el)))) continue;
    if (!f.commit()) ok = false;
  }
  return ok;
}
