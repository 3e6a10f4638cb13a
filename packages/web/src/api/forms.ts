import type { FormInstance } from 'antd';
import { ApiError, fieldPath, type ProblemFieldError, pickMessage } from './problem';

/**
 * Shows a problem's field errors on the antd Form fields whose names match `errors[].path`.
 * Returns the field errors that matched no field, so the caller can show them elsewhere.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  language: string,
  fieldNames: readonly string[],
): ProblemFieldError[] {
  if (!(error instanceof ApiError)) return [];
  const unmatched: ProblemFieldError[] = [];
  const byField = new Map<string, string[]>();
  for (const fieldError of error.problem.errors ?? []) {
    const name = fieldPath(fieldError.path)[0];
    if (name !== undefined && fieldNames.includes(name)) {
      byField.set(name, [...(byField.get(name) ?? []), pickMessage(fieldError, language)]);
    } else {
      unmatched.push(fieldError);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}
