import type { Lang } from '../rules/schema.ts';

/** Words the case module puts into rule-data labels ({level}, {relation}); every language. */
const words = {
  'level.bachelor': { en: "bachelor's degree", 'zh-Hant': '學士學位', 'zh-Hans': '学士学位' },
  'level.master': { en: "master's degree", 'zh-Hant': '碩士學位', 'zh-Hans': '硕士学位' },
  'level.doctorate': { en: 'doctorate', 'zh-Hant': '博士學位', 'zh-Hans': '博士学位' },
  'level.unknown': { en: 'level not given', 'zh-Hant': '程度未填', 'zh-Hans': '程度未填' },
  'institution.unknown': { en: 'institution not given', 'zh-Hant': '院校未填', 'zh-Hans': '院校未填' },
  'relation.spouse': { en: 'spouse', 'zh-Hant': '配偶', 'zh-Hans': '配偶' },
  'relation.civil_partner': { en: 'civil partner', 'zh-Hant': '民事伴侶', 'zh-Hans': '民事伴侣' },
  'relation.child': { en: 'child', 'zh-Hant': '子女', 'zh-Hans': '子女' },
  'profession.unknown': {
    en: 'the profession you named',
    'zh-Hant': '你所填的專業',
    'zh-Hans': '你所填的专业',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type CaseWord = keyof typeof words;

export function caseWord(lang: Lang, key: CaseWord): string {
  return words[key][lang];
}

/** Fills {placeholders}; an unknown placeholder is left as it is. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
