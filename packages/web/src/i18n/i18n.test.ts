import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS, MODULES, ROLES } from '@kamurj/domain/access';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { hy } from './hy.ts';
import { DICTIONARIES, LANGS, hasKey, translate } from './index.tsx';
import { ru } from './ru.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(en).sort();

/** Entries that may look the same in every language (the product name; pure placeholders). */
const SAME_IN_ALL = new Set(['app.name', 'reference.rowTitle']);

describe('dictionaries', () => {
  it('have the same keys in en, hy and ru', () => {
    expect(Object.keys(hy).sort()).toEqual(keys);
    expect(Object.keys(ru).sort()).toEqual(keys);
  });

  it.each(LANGS)('%s has a non-empty text for every key', (lang) => {
    const empty = keys.filter((k) => {
      const v = (DICTIONARIES[lang] as Record<string, unknown>)[k];
      return typeof v !== 'string' || v.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('use the same {placeholders} in every language', () => {
    const wrong = keys.filter((k) =>
      LANGS.some((l) => placeholders((DICTIONARIES[l] as Record<string, string>)[k] ?? '').join() !== placeholders(en[k as keyof typeof en]).join()),
    );
    expect(wrong).toEqual([]);
  });

  it('are real translations: Armenian in hy, Cyrillic in ru', () => {
    const notArmenian = keys.filter((k) => !SAME_IN_ALL.has(k) && !/[\u0531-\u0587]/.test((hy as Record<string, string>)[k]!));
    const notRussian = keys.filter((k) => !SAME_IN_ALL.has(k) && !/[\u0400-\u04FF]/.test((ru as Record<string, string>)[k]!));
    expect(notArmenian).toEqual([]);
    expect(notRussian).toEqual([]);
  });
});

describe('keys used in the source', () => {
  const files = sourceFiles(SRC);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("every t('…') key exists", () => {
    const missing: string[] = [];
    let used = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['"`])([^'"`$]+)\1/g)) {
        used++;
        if (!hasKey(m[2]!)) missing.push(`${file.slice(SRC.length)}: ${m[2]}`);
      }
    }
    expect(used).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  it('every dictionary key is used (literally or through a code-built key)', () => {
    const literals = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'([a-zA-Z0-9_.-]+)'/g)) literals.add(m[1]!);
    }
    const DYNAMIC = /^(role|module|action|jurisdiction\.kind|reference\.table|reference\.attr|audit\.outcome|audit\.actorType|audit\.purpose|tokens\.status|error|issue|field|case)\./;
    expect(keys.filter((k) => !literals.has(k) && !DYNAMIC.test(k))).toEqual([]);
  });

  it('every role, module and action of the domain vocabulary has a name', () => {
    const wanted = [
      ...ROLES.map((r) => `role.${r}`),
      ...MODULES.flatMap((m) => [`module.${m.code}`, `module.${m.code}.summary`]),
      ...ACTIONS.map((a) => `action.${a}`),
    ];
    expect(wanted.filter((k) => !hasKey(k))).toEqual([]);
  });

  it('every error code of the API contract has a message', () => {
    const codes = [
      'AUTH.INVALID_CREDENTIALS',
      'AUTH.LOCKED',
      'AUTH.MFA_INVALID',
      'AUTH.PASSWORD_POLICY',
      'AUTH.UNAUTHENTICATED',
      'REQUEST.INVALID',
      'USERS.USERNAME_TAKEN',
      'CONFLICT.STALE_VERSION',
      'ACCESS.FORBIDDEN',
      'RATE_LIMITED',
      'NOT_FOUND',
      'INTERNAL',
    ];
    expect(codes.filter((c) => !hasKey(`error.${c}`))).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and keeps unknown ones', () => {
    expect(translate('en', 'home.title', { name: 'Anna' })).toBe('Welcome, Anna');
    expect(translate('hy', 'home.title', { name: 'Աննա' })).toBe('Բարի գալուստ, Աննա');
    expect(translate('ru', 'pager.range', { from: 1, to: 20 })).toBe('1–20 из {total}');
  });
});
