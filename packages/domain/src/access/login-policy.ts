/**
 * Progressive lockout: after `maxFailures` consecutive failures the account locks for one minute, and
 * every further failure doubles the lock, up to one hour. A success resets the count.
 */
export function lockoutMs(consecutiveFailures: number, maxFailures: number): number {
  if (consecutiveFailures < maxFailures) return 0;
  const doublings = Math.min(consecutiveFailures - maxFailures, 6);
  return Math.min(60_000 * 2 ** doublings, 3_600_000);
}

export interface PasswordProblem {
  code: 'too_short' | 'too_long' | 'same_as_username' | 'too_simple';
  message: string;
}

/**
 * NIST SP 800-63B style: length over composition rules; reject the obvious. Bytes are capped so that a
 * huge "password" cannot be used to burn CPU in the hash.
 */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < 12) problems.push({ code: 'too_short', message: 'Use at least 12 characters' });
  if (password.length > 256) problems.push({ code: 'too_long', message: 'Use at most 256 characters' });
  if (password.toLowerCase().includes(username.toLowerCase()) && username.length >= 3) {
    problems.push({ code: 'same_as_username', message: 'Do not use your username in the password' });
  }
  if (new Set(password).size < 5) problems.push({ code: 'too_simple', message: 'Use more different characters' });
  return problems;
}
