/** Form pieces shared by the request and status pages: a labelled field with its hint and error. */
import type { ReactNode } from 'react';
import type { Text } from '../text.ts';

export const fieldId = (name: string) => `f-${name}`;
export const errorId = (name: string) => `${name}-error`;
export const hintId = (name: string) => `${name}-hint`;

/** What a control needs so that its hint and its error are read with it. */
export function described(name: string, hint: boolean, error: string | undefined) {
  const ids = [hint ? hintId(name) : null, error ? errorId(name) : null].filter(Boolean).join(' ');
  return { id: fieldId(name), name, 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}

export function Field({ name, label, hint, error, t, children }: { name: string; label: string; hint?: string; error?: string; t: Text; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={fieldId(name)}>{label}</label>
      {hint ? <p className="hint" id={hintId(name)}>{hint}</p> : null}
      {error ? <p className="error" id={errorId(name)}>{t(error)}</p> : null}
      {children}
    </div>
  );
}

/** The list of what to correct, first on the page, each entry a link to its field. */
export function ErrorSummary({ title, errors, labels, t }: { title: string; errors: Partial<Record<string, string>>; labels: Record<string, string>; t: Text }) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div className="notice bad" id="errors" tabIndex={-1}>
      <h2>{title}</h2>
      <ul>
        {entries.map(([name, key]) => (
          <li key={name}><a href={`#${fieldId(name)}`}>{labels[name] ?? name}</a>{' '}<span>{t(key)}</span></li>
        ))}
      </ul>
    </div>
  );
}
