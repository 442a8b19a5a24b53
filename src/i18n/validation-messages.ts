import type { Lang } from '../rules/schema.ts';

/**
 * The sentences profile validation writes, in every language Routewise speaks. English defines
 * the keys; each other catalogue must have exactly the same keys or it fails to compile.
 * Placeholders are {name}. Values shown to the user ({value}, {key}, field names) stay as JSON.
 */
const en = {
  'expect.boolean': 'true or false',
  'expect.number': 'a number',
  'expect.integer': 'a whole number',
  'expect.between': '{what} from {min} to {max}',
  'expect.atLeast': '{what} of at least {min}',
  'expect.atMost': '{what} of at most {max}',
  'expect.text': 'text',
  'expect.nonEmptyText': 'non-empty text',
  'expect.isoDate': 'a real calendar date written YYYY-MM-DD',
  'expect.countryCode': 'an ISO 3166-1 alpha-3 country code such as GBR, CHN or VNM',
  'expect.oneOf': 'one of {values}',
  'expect.list': 'a list of {item}',
  'expect.listItemObjects': 'objects',
  'expect.object': 'an object with the fields {fields}',
  'expect.objectKind': 'an object whose "{key}" is {values}',
  'expect.orUnknown': '{expected}, or "unknown"',
  'expect.field': 'one of the fields of {parent}: {fields}',
  'expect.profile': 'a JSON object: the applicant profile',
  'path.root': 'the profile',
  'issue.missingUnknownAllowed':
    '{path} is missing. It is required: give {expected}, or write "unknown" if the fact is not known.',
  'issue.missing': '{path} is missing. It is required: give {expected}.',
  'issue.unrecognizedSuggest': '{path} is not a field of {parent}. Did you mean "{suggestion}"?',
  'issue.unrecognizedSuggestMissing':
    '{path} is not a field of {parent}. Did you mean "{suggestion}"? That field is required and is missing.',
  'issue.unrecognized': '{path} is not a field of {parent}; its fields are {fields}.',
  'issue.invalid': '{path} is {value}, which is not valid: expected {expected}.',
  'issue.count.one': 'The profile has 1 problem:',
  'issue.count.other': 'The profile has {n} problems:',
} as const;

export type ValidationMessageKey = keyof typeof en;
export type ValidationCatalogue = Record<ValidationMessageKey, string>;

const zhHant: ValidationCatalogue = {
  'expect.boolean': 'true 或 false',
  'expect.number': '數字',
  'expect.integer': '整數',
  'expect.between': '介乎 {min} 至 {max} 的{what}',
  'expect.atLeast': '不少於 {min} 的{what}',
  'expect.atMost': '不多於 {max} 的{what}',
  'expect.text': '文字',
  'expect.nonEmptyText': '非空白的文字',
  'expect.isoDate': '以 YYYY-MM-DD 格式書寫的真實日期',
  'expect.countryCode': 'ISO 3166-1 三位字母國家代碼，例如 GBR、CHN 或 VNM',
  'expect.oneOf': '以下其中之一：{values}',
  'expect.list': '由{item}組成的列表',
  'expect.listItemObjects': '物件',
  'expect.object': '包含欄位 {fields} 的物件',
  'expect.objectKind': '"{key}" 為 {values} 的物件',
  'expect.orUnknown': '{expected}，或 "unknown"',
  'expect.field': '{parent} 的欄位之一：{fields}',
  'expect.profile': 'JSON 物件（申請人資料）',
  'path.root': '申請人資料',
  'issue.missingUnknownAllowed':
    '欠缺 {path}。此欄位必須填寫：請提供 {expected}；如不知道，請填寫 "unknown"。',
  'issue.missing': '欠缺 {path}。此欄位必須填寫：請提供 {expected}。',
  'issue.unrecognizedSuggest': '{path} 不是 {parent} 的欄位。你是否指 "{suggestion}"？',
  'issue.unrecognizedSuggestMissing':
    '{path} 不是 {parent} 的欄位。你是否指 "{suggestion}"？該欄位必須填寫，但現時欠缺。',
  'issue.unrecognized': '{path} 不是 {parent} 的欄位；可用的欄位為 {fields}。',
  'issue.invalid': '{path} 的值 {value} 無效：應為 {expected}。',
  'issue.count.one': '申請人資料有 1 個問題：',
  'issue.count.other': '申請人資料有 {n} 個問題：',
};

const zhHans: ValidationCatalogue = {
  'expect.boolean': 'true 或 false',
  'expect.number': '数字',
  'expect.integer': '整数',
  'expect.between': '介乎 {min} 至 {max} 的{what}',
  'expect.atLeast': '不少于 {min} 的{what}',
  'expect.atMost': '不多于 {max} 的{what}',
  'expect.text': '文字',
  'expect.nonEmptyText': '非空白的文字',
  'expect.isoDate': '以 YYYY-MM-DD 格式书写的真实日期',
  'expect.countryCode': 'ISO 3166-1 三位字母国家代码，例如 GBR、CHN 或 VNM',
  'expect.oneOf': '以下其中之一：{values}',
  'expect.list': '由{item}组成的列表',
  'expect.listItemObjects': '对象',
  'expect.object': '包含字段 {fields} 的对象',
  'expect.objectKind': '"{key}" 为 {values} 的对象',
  'expect.orUnknown': '{expected}，或 "unknown"',
  'expect.field': '{parent} 的字段之一：{fields}',
  'expect.profile': 'JSON 对象（申请人资料）',
  'path.root': '申请人资料',
  'issue.missingUnknownAllowed':
    '缺少 {path}。此字段必须填写：请提供 {expected}；如不知道，请填写 "unknown"。',
  'issue.missing': '缺少 {path}。此字段必须填写：请提供 {expected}。',
  'issue.unrecognizedSuggest': '{path} 不是 {parent} 的字段。你是否指 "{suggestion}"？',
  'issue.unrecognizedSuggestMissing':
    '{path} 不是 {parent} 的字段。你是否指 "{suggestion}"？该字段必须填写，但现时缺少。',
  'issue.unrecognized': '{path} 不是 {parent} 的字段；可用的字段为 {fields}。',
  'issue.invalid': '{path} 的值 {value} 无效：应为 {expected}。',
  'issue.count.one': '申请人资料有 1 个问题：',
  'issue.count.other': '申请人资料有 {n} 个问题：',
};

export const validationCatalogues: Record<Lang, ValidationCatalogue> = {
  en,
  'zh-Hant': zhHant,
  'zh-Hans': zhHans,
};

/** Fills a validation message's {placeholders}. */
export function validationMessage(
  lang: Lang,
  key: ValidationMessageKey,
  params?: Record<string, string | number>,
): string {
  const template = validationCatalogues[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
