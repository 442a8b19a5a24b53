import type { Lang } from '../rules/schema.ts';

/**
 * What the planner says in its own words: windows and what changes at their edges, the best
 * window, what it would take, the road to permanent residence and the assumptions. Labels of
 * criteria and facts come from the rules and the engine. English defines the keys; the other
 * catalogues must have exactly the same keys or they fail to compile.
 */
const en = {
  'status.eligible': 'meets the requirements',
  'status.not_eligible': 'does not meet the requirements on the facts given',
  'status.undetermined': 'cannot be decided on the facts given',
  'status.no_rules': 'no rules held for this route',
  'date.time': '{date} at {time}',
  'change.start': 'From {date}: {status}.',
  'change.noRulesYet': 'Routewise holds no rules for this route before {date}.',
  'change.opened': 'From {date} Routewise holds rules for this route.',
  'change.fees': 'From {date} the fees change: HK${total} for {persons} (was HK${before}).',
  'change.test': 'From {date} “{test}” is assessed under the rules in force from that moment.',
  'change.part': 'From {date} new rules apply to the {part}.',
  'change.status': 'From {date} the result is: {status}.',
  'change.dependant.met': 'On {date} your {relation} ({index}) can come with you as a dependant.',
  'change.dependant.not_met':
    'On {date} your {relation} ({index}) can no longer come with you as a dependant.',
  'change.dependant.unknown':
    'On {date} whether your {relation} ({index}) can come with you as a dependant can no longer be decided.',
  'part.prerequisites': 'requirements every applicant must meet',
  'part.exclusions': 'nationality exclusions',
  'part.stay': 'stay granted',
  'part.steps': 'steps after applying',
  'part.selection': 'quota and selection',
  'part.dependants': 'dependants',
  'part.fees': 'fees',
  'reason.age': 'you turn {age}',
  'reason.work': 'your work experience grows ({facts})',
  'reason.graduation': 'time passes since your graduation ({facts})',
  'reason.year': 'a new calendar year begins ({facts})',
  'reason.dependant': 'a member of your family has a birthday',
  'reason.rule': 'new rules apply',
  'reason.list': 'a new version of an official list applies',
  'reason.time': 'time passes ({facts})',
  'criterion.met': 'On {date} {reason}: you meet “{label}”{score}.',
  'criterion.not_met': 'On {date} {reason}: you no longer meet “{label}”{score}.',
  'criterion.unknown': 'On {date} {reason}: “{label}” can no longer be decided on the facts given{score}.',
  'criterion.points': 'On {date} {reason}: “{label}” scores {points} points{score}.',
  'score.count': ' — {met} of {of} from then, {threshold} needed',
  'score.points': ' — {points} points from then, {passMark} needed',
  'best.now': 'You meet the requirements now, from {from}{until}.',
  'best.later': 'The earliest moment you meet the requirements is {from}{until}.',
  'best.until': ', until {to}',
  'best.undetermined': 'From {from} the result depends on facts still unknown: find them out first.',
  'best.none': 'On the facts given you do not meet the requirements at any moment up to {to}.',
  'assume.job': 'Your current work (since {from}) continues throughout the plan.',
  'assume.income': 'Your income stays as it is.',
  'assume.family': 'Your family stays as you described it; everyone grows older day by day.',
  'assume.nothingElse':
    'Nothing else is projected: no degree, certificate, job offer or move that you did not state.',
  'assume.rules': 'Only rules already announced are used: Routewise cannot know later changes.',
  'kind.evidence': 'Find out',
  'kind.time': 'Wait',
  'kind.doable': 'Something you can do',
  'suggest.sentence': '{action}: {outcome}.',
  'suggest.pair': '{a}; and {b}',
  'suggest.outcome': 'you meet {criteria} and the requirements',
  'suggest.outcomeFrom': 'you meet {criteria} and the requirements from {date}',
  'suggest.outcomeNoCriteria': 'you meet the requirements',
  'suggest.outcomeNoCriteriaFrom': 'you meet the requirements from {date}',
  'suggest.none':
    'No single change or pair of changes within reach makes this route fit before the end of the plan.',
  'lever.findYes': 'Find out {fact}: if the answer is yes',
  'lever.findNo': 'Find out {fact}: if the answer is no',
  'lever.findAtLeast': 'Find out {fact}: if it is at least {amount}',
  'lever.findAtMost': 'Find out {fact}: if it is at most {amount}',
  'lever.findLevel': 'Find out {fact}: if it is {level}',
  'lever.fact': '“{measure}”',
  'lever.factOfDegree': '“{measure}” for your degree {n}',
  'lever.factOfPeriod': '“{measure}” for your work period {n}',
  'lever.factOfDependant': '“{measure}” for your family member {n}',
  'lever.wait': 'Wait until {date}',
  'lever.english': 'Obtain proof of written and spoken English (e.g. a language certificate)',
  'lever.chinese': 'Obtain proof of written Chinese and spoken Putonghua',
  'lever.professional': 'Obtain a professional qualification from a recognised body',
  'lever.degree.bachelor': 'Obtain a bachelor’s degree from a university on the eligible-university list',
  'lever.degree.master': 'Obtain a master’s degree from a university on the eligible-university list',
  'lever.degree.doctorate': 'Obtain a doctorate from a university on the eligible-university list',
  'lever.jobOffer':
    'Get a confirmed job offer in Hong Kong: a degree-level post relevant to your qualifications, at market pay',
  'lever.amount': 'Reach {amount} in “{measure}”',
  'level.bachelor': 'a bachelor’s degree',
  'level.master': 'a master’s degree',
  'level.doctorate': 'a doctorate',
  'road.submit': 'Submit the application on {date}: the rules in force at that moment apply.',
  'road.fees': 'Fees under those rules: HK${total} for {persons}.',
  'road.decision':
    'Wait for the decision. Routewise holds no processing times, and meeting the requirements is not approval.',
  'road.entry':
    'Enter Hong Kong — assumed here on {date} — with a first stay of {months} months, to {limit}.',
  'road.entryNotFixed':
    'Enter Hong Kong — assumed here on {date}. The first stay is not a fixed period: {note}',
  'road.entryNoStay': 'Enter Hong Kong — assumed here on {date}. Routewise holds no stay for this route.',
  'road.entryAssumed':
    'The dates below count from that entry date; the real one depends on the decision and on when you travel.',
  'road.extension':
    'Extension {n}: apply in Hong Kong between {windowFrom} and {windowTo}, before your limit of stay of {limit}; usually {years} more years, to {newLimit}.',
  'road.extensionOpen':
    'Extension {n}: apply in Hong Kong between {windowFrom} and {windowTo}, before your limit of stay of {limit}; Routewise holds no usual length for further extensions.',
  'road.topTier':
    'If by then you have stayed {afterYears} years and your assessable income was at least HK${income} a year, the extension can be {years} years.',
  'road.windowNote':
    'The application window is {days} days before the limit of stay as held in the application tracker; announced changes to how early you may apply may not be reflected yet.',
  'road.sevenYears': 'On {date} you could complete {years} years of continuous ordinary residence.',
  'road.verify': 'From {date}: {text}',
  'road.verifyDone': 'With the usual processing time of about {weeks} weeks, a decision around {date}.',
  'road.linkedToSponsor':
    'Your stay follows your sponsor’s: each extension depends on the sponsor’s own stay and on the relationship continuing.',
  'road.familyFees':
    'Fees for your family at submission are counted above; fees of later extensions are not held.',
  'road.none': 'No road is shown: the route has no rules in force at the chosen submission moment.',
  'plan.summary': 'A plan from {from} to {to} over {n} routes: {eligible} can be applied for at some moment.',
  disclaimer:
    'Routewise is independent software, not an official government service, and not legal advice. A plan rests on the facts you gave and the assumptions listed; meeting a route’s requirements is not approval.',
} as const;

export type PlanMessageKey = keyof typeof en;
type Catalogue = Record<PlanMessageKey, string>;

const zhHant: Catalogue = {
  'status.eligible': '符合要求',
  'status.not_eligible': '根據所提供的資料未符合要求',
  'status.undetermined': '根據所提供的資料暫未能判斷',
  'status.no_rules': '沒有此計劃的規則',
  'date.time': '{date} {time}',
  'change.start': '由 {date} 起：{status}。',
  'change.noRulesYet': 'Routewise 沒有此計劃在 {date} 之前的規則。',
  'change.opened': '由 {date} 起，Routewise 有此計劃的規則。',
  'change.fees': '由 {date} 起費用改變：{persons}合共港幣 {total} 元（原為港幣 {before} 元）。',
  'change.test': '由 {date} 起，「{test}」按該時刻生效的規則評核。',
  'change.part': '由 {date} 起，{part}採用新規則。',
  'change.status': '由 {date} 起結果為：{status}。',
  'change.dependant.met': '由 {date} 起，你的{relation}（{index}）可以受養人身分隨行。',
  'change.dependant.not_met': '由 {date} 起，你的{relation}（{index}）不能再以受養人身分隨行。',
  'change.dependant.unknown': '由 {date} 起，未能判斷你的{relation}（{index}）可否以受養人身分隨行。',
  'part.prerequisites': '所有申請人須符合的要求',
  'part.exclusions': '國籍限制',
  'part.stay': '獲准逗留期',
  'part.steps': '申請後的步驟',
  'part.selection': '配額及甄選',
  'part.dependants': '受養人',
  'part.fees': '費用',
  'reason.age': '你年滿 {age} 歲',
  'reason.work': '你的工作經驗增加（{facts}）',
  'reason.graduation': '距離畢業的時間增加（{facts}）',
  'reason.year': '新的一年開始（{facts}）',
  'reason.dependant': '一名家庭成員生日',
  'reason.rule': '新規則生效',
  'reason.list': '官方名單的新版本生效',
  'reason.time': '時間過去（{facts}）',
  'criterion.met': '{date}，{reason}：你符合「{label}」{score}。',
  'criterion.not_met': '{date}，{reason}：你不再符合「{label}」{score}。',
  'criterion.unknown': '{date}，{reason}：根據所提供的資料未能判斷「{label}」{score}。',
  'criterion.points': '{date}，{reason}：「{label}」得 {points} 分{score}。',
  'score.count': '——此後符合 {of} 項中的 {met} 項，須 {threshold} 項',
  'score.points': '——此後得 {points} 分，須 {passMark} 分',
  'best.now': '你現在已符合要求，由 {from} 起{until}。',
  'best.later': '你最早可於 {from} 符合要求{until}。',
  'best.until': '，直至 {to}',
  'best.undetermined': '由 {from} 起，結果取決於尚未知道的資料：請先查明。',
  'best.none': '根據所提供的資料，直至 {to} 你在任何時刻都未符合要求。',
  'assume.job': '你目前的工作（自 {from} 起）在整個計劃期間持續。',
  'assume.income': '你的收入維持不變。',
  'assume.family': '你的家庭成員如你所述；每人逐日年長。',
  'assume.nothingElse': '不推算其他事情：不假設你未有說明的學位、證書、聘用或遷移。',
  'assume.rules': '只採用已公布的規則：Routewise 無法得知日後的改變。',
  'kind.evidence': '查明',
  'kind.time': '等待',
  'kind.doable': '你可以做的事',
  'suggest.sentence': '{action}：{outcome}。',
  'suggest.pair': '{a}；以及{b}',
  'suggest.outcome': '你符合{criteria}及有關要求',
  'suggest.outcomeFrom': '你由 {date} 起符合{criteria}及有關要求',
  'suggest.outcomeNoCriteria': '你符合要求',
  'suggest.outcomeNoCriteriaFrom': '你由 {date} 起符合要求',
  'suggest.none': '在計劃期完結前，沒有可達到的單一或兩項改變能令你符合此計劃。',
  'lever.findYes': '查明{fact}：如答案為是',
  'lever.findNo': '查明{fact}：如答案為否',
  'lever.findAtLeast': '查明{fact}：如至少為 {amount}',
  'lever.findAtMost': '查明{fact}：如不多於 {amount}',
  'lever.findLevel': '查明{fact}：如為{level}',
  'lever.fact': '「{measure}」',
  'lever.factOfDegree': '你第 {n} 個學位的「{measure}」',
  'lever.factOfPeriod': '你第 {n} 段工作的「{measure}」',
  'lever.factOfDependant': '你第 {n} 名家庭成員的「{measure}」',
  'lever.wait': '等待至 {date}',
  'lever.english': '取得英文讀寫及會話能力的證明（例如語文證書）',
  'lever.chinese': '取得中文書寫及普通話會話能力的證明',
  'lever.professional': '取得認可機構頒發的專業資格',
  'lever.degree.bachelor': '取得合資格大學名單上大學頒發的學士學位',
  'lever.degree.master': '取得合資格大學名單上大學頒發的碩士學位',
  'lever.degree.doctorate': '取得合資格大學名單上大學頒發的博士學位',
  'lever.jobOffer': '取得香港的確實聘用：與你的資歷相關、屬學位程度、薪酬達市場水平的職位',
  'lever.amount': '「{measure}」達到 {amount}',
  'level.bachelor': '學士學位',
  'level.master': '碩士學位',
  'level.doctorate': '博士學位',
  'road.submit': '於 {date} 提交申請：按該時刻生效的規則評核。',
  'road.fees': '按該規則的費用：{persons}合共港幣 {total} 元。',
  'road.decision': '等候決定。Routewise 沒有處理時間的資料，而符合要求並不代表獲批。',
  'road.entry': '入境香港——此處假設於 {date}——首次逗留期 {months} 個月，至 {limit}。',
  'road.entryNotFixed': '入境香港——此處假設於 {date}。首次逗留期並非固定期限：{note}',
  'road.entryNoStay': '入境香港——此處假設於 {date}。Routewise 沒有此計劃的逗留期資料。',
  'road.entryAssumed': '以下日期由該入境日期起計；實際日期視乎決定及你何時抵港。',
  'road.extension':
    '第 {n} 次延期：須身處香港，於 {windowFrom} 至 {windowTo} 期間申請，即逗留期限 {limit} 之前；一般再延 {years} 年，至 {newLimit}。',
  'road.extensionOpen':
    '第 {n} 次延期：須身處香港，於 {windowFrom} 至 {windowTo} 期間申請，即逗留期限 {limit} 之前；Routewise 沒有其後延期的一般年期。',
  'road.topTier':
    '如屆時你已逗留 {afterYears} 年，而應評稅入息每年至少港幣 {income} 元，延期可為 {years} 年。',
  'road.windowNote': '申請期為申請進度追蹤資料所載逗留期限前的 {days} 日；已公布的提早申請安排未必已反映。',
  'road.sevenYears': '你可於 {date} 完成連續 {years} 年通常居住。',
  'road.verify': '由 {date} 起：{text}',
  'road.verifyDone': '按一般約 {weeks} 星期的處理時間，約於 {date} 有決定。',
  'road.linkedToSponsor': '你的逗留期跟隨保證人：每次延期視乎保證人本身的逗留期及關係是否持續。',
  'road.familyFees': '上面已計算提交申請時家人的費用；其後延期的費用未有資料。',
  'road.none': '未能顯示：所選提交時刻沒有此計劃生效的規則。',
  'plan.summary': '由 {from} 至 {to}、涵蓋 {n} 個計劃的規劃：其中 {eligible} 個在某一時刻可以申請。',
  disclaimer:
    'Routewise 是獨立軟件，並非政府官方服務，亦不構成法律意見。規劃建基於你提供的資料及所列假設；符合計劃要求並不代表獲批。',
};

const zhHans: Catalogue = {
  'status.eligible': '符合要求',
  'status.not_eligible': '根据所提供的资料未符合要求',
  'status.undetermined': '根据所提供的资料暂未能判断',
  'status.no_rules': '没有此计划的规则',
  'date.time': '{date} {time}',
  'change.start': '由 {date} 起：{status}。',
  'change.noRulesYet': 'Routewise 没有此计划在 {date} 之前的规则。',
  'change.opened': '由 {date} 起，Routewise 有此计划的规则。',
  'change.fees': '由 {date} 起费用改变：{persons}合共港币 {total} 元（原为港币 {before} 元）。',
  'change.test': '由 {date} 起，“{test}”按该时刻生效的规则评核。',
  'change.part': '由 {date} 起，{part}采用新规则。',
  'change.status': '由 {date} 起结果为：{status}。',
  'change.dependant.met': '由 {date} 起，你的{relation}（{index}）可以受养人身份随行。',
  'change.dependant.not_met': '由 {date} 起，你的{relation}（{index}）不能再以受养人身份随行。',
  'change.dependant.unknown': '由 {date} 起，未能判断你的{relation}（{index}）可否以受养人身份随行。',
  'part.prerequisites': '所有申请人须符合的要求',
  'part.exclusions': '国籍限制',
  'part.stay': '获准逗留期',
  'part.steps': '申请后的步骤',
  'part.selection': '配额及甄选',
  'part.dependants': '受养人',
  'part.fees': '费用',
  'reason.age': '你年满 {age} 岁',
  'reason.work': '你的工作经验增加（{facts}）',
  'reason.graduation': '距离毕业的时间增加（{facts}）',
  'reason.year': '新的一年开始（{facts}）',
  'reason.dependant': '一名家庭成员生日',
  'reason.rule': '新规则生效',
  'reason.list': '官方名单的新版本生效',
  'reason.time': '时间过去（{facts}）',
  'criterion.met': '{date}，{reason}：你符合“{label}”{score}。',
  'criterion.not_met': '{date}，{reason}：你不再符合“{label}”{score}。',
  'criterion.unknown': '{date}，{reason}：根据所提供的资料未能判断“{label}”{score}。',
  'criterion.points': '{date}，{reason}：“{label}”得 {points} 分{score}。',
  'score.count': '——此后符合 {of} 项中的 {met} 项，须 {threshold} 项',
  'score.points': '——此后得 {points} 分，须 {passMark} 分',
  'best.now': '你现在已符合要求，由 {from} 起{until}。',
  'best.later': '你最早可于 {from} 符合要求{until}。',
  'best.until': '，直至 {to}',
  'best.undetermined': '由 {from} 起，结果取决于尚未知道的资料：请先查明。',
  'best.none': '根据所提供的资料，直至 {to} 你在任何时刻都未符合要求。',
  'assume.job': '你目前的工作（自 {from} 起）在整个计划期间持续。',
  'assume.income': '你的收入维持不变。',
  'assume.family': '你的家庭成员如你所述；每人逐日年长。',
  'assume.nothingElse': '不推算其他事情：不假设你未有说明的学位、证书、聘用或迁移。',
  'assume.rules': '只采用已公布的规则：Routewise 无法得知日后的改变。',
  'kind.evidence': '查明',
  'kind.time': '等待',
  'kind.doable': '你可以做的事',
  'suggest.sentence': '{action}：{outcome}。',
  'suggest.pair': '{a}；以及{b}',
  'suggest.outcome': '你符合{criteria}及有关要求',
  'suggest.outcomeFrom': '你由 {date} 起符合{criteria}及有关要求',
  'suggest.outcomeNoCriteria': '你符合要求',
  'suggest.outcomeNoCriteriaFrom': '你由 {date} 起符合要求',
  'suggest.none': '在计划期完结前，没有可达到的单一或两项改变能令你符合此计划。',
  'lever.findYes': '查明{fact}：如答案为是',
  'lever.findNo': '查明{fact}：如答案为否',
  'lever.findAtLeast': '查明{fact}：如至少为 {amount}',
  'lever.findAtMost': '查明{fact}：如不多于 {amount}',
  'lever.findLevel': '查明{fact}：如为{level}',
  'lever.fact': '“{measure}”',
  'lever.factOfDegree': '你第 {n} 个学位的“{measure}”',
  'lever.factOfPeriod': '你第 {n} 段工作的“{measure}”',
  'lever.factOfDependant': '你第 {n} 名家庭成员的“{measure}”',
  'lever.wait': '等待至 {date}',
  'lever.english': '取得英文读写及会话能力的证明（例如语文证书）',
  'lever.chinese': '取得中文书写及普通话会话能力的证明',
  'lever.professional': '取得认可机构颁发的专业资格',
  'lever.degree.bachelor': '取得合资格大学名单上大学颁发的学士学位',
  'lever.degree.master': '取得合资格大学名单上大学颁发的硕士学位',
  'lever.degree.doctorate': '取得合资格大学名单上大学颁发的博士学位',
  'lever.jobOffer': '取得香港的确实聘用：与你的资历相关、属学位程度、薪酬达市场水平的职位',
  'lever.amount': '“{measure}”达到 {amount}',
  'level.bachelor': '学士学位',
  'level.master': '硕士学位',
  'level.doctorate': '博士学位',
  'road.submit': '于 {date} 提交申请：按该时刻生效的规则评核。',
  'road.fees': '按该规则的费用：{persons}合共港币 {total} 元。',
  'road.decision': '等候决定。Routewise 没有处理时间的资料，而符合要求并不代表获批。',
  'road.entry': '入境香港——此处假设于 {date}——首次逗留期 {months} 个月，至 {limit}。',
  'road.entryNotFixed': '入境香港——此处假设于 {date}。首次逗留期并非固定期限：{note}',
  'road.entryNoStay': '入境香港——此处假设于 {date}。Routewise 没有此计划的逗留期资料。',
  'road.entryAssumed': '以下日期由该入境日期起计；实际日期视乎决定及你何时抵港。',
  'road.extension':
    '第 {n} 次延期：须身处香港，于 {windowFrom} 至 {windowTo} 期间申请，即逗留期限 {limit} 之前；一般再延 {years} 年，至 {newLimit}。',
  'road.extensionOpen':
    '第 {n} 次延期：须身处香港，于 {windowFrom} 至 {windowTo} 期间申请，即逗留期限 {limit} 之前；Routewise 没有其后延期的一般年期。',
  'road.topTier':
    '如届时你已逗留 {afterYears} 年，而应评税入息每年至少港币 {income} 元，延期可为 {years} 年。',
  'road.windowNote': '申请期为申请进度追踪资料所载逗留期限前的 {days} 日；已公布的提早申请安排未必已反映。',
  'road.sevenYears': '你可于 {date} 完成连续 {years} 年通常居住。',
  'road.verify': '由 {date} 起：{text}',
  'road.verifyDone': '按一般约 {weeks} 星期的处理时间，约于 {date} 有决定。',
  'road.linkedToSponsor': '你的逗留期跟随保证人：每次延期视乎保证人本身的逗留期及关系是否持续。',
  'road.familyFees': '上面已计算提交申请时家人的费用；其后延期的费用未有资料。',
  'road.none': '未能显示：所选提交时刻没有此计划生效的规则。',
  'plan.summary': '由 {from} 至 {to}、涵盖 {n} 个计划的规划：其中 {eligible} 个在某一时刻可以申请。',
  disclaimer:
    'Routewise 是独立软件，并非政府官方服务，亦不构成法律意见。规划建基于你提供的资料及所列假设；符合计划要求并不代表获批。',
};

const catalogues: Record<Lang, Catalogue> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

type Template = ReadonlyArray<string>;
const compiled = new Map<string, Template>();

/** A message split at its placeholders once: even parts are text, odd parts placeholder names. */
function template(lang: Lang, key: PlanMessageKey): Template {
  const id = `${lang}\u0000${key}`;
  let parts = compiled.get(id);
  if (!parts) {
    parts = catalogues[lang][key].split(/\{(\w+)\}/);
    compiled.set(id, parts);
  }
  return parts;
}

/** A planner message in a language, with {placeholders} filled in. */
export function planMessage(
  lang: Lang,
  key: PlanMessageKey,
  params: Record<string, string | number> = {},
): string {
  const parts = template(lang, key);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    out += (name in params ? String(params[name]) : `{${name}}`) + (parts[i + 1] as string);
  }
  return out;
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
  'zh-Hant': new Intl.DateTimeFormat('zh-HK', { dateStyle: 'long', timeZone: 'UTC' }),
  'zh-Hans': new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A Hong Kong day (days since 1970-01-01) as the reader's language writes a date. */
export function formatPlanDay(lang: Lang, epochDay: number): string {
  return dateFormats[lang].format(new Date(epochDay * 86_400_000));
}

/** An instant as a Hong Kong date, with the time of day only when it is not midnight. */
export function formatPlanMoment(lang: Lang, instantMs: number): string {
  const local = instantMs + 8 * 3_600_000;
  const day = Math.floor(local / 86_400_000);
  const minutes = Math.round((local - day * 86_400_000) / 60_000);
  const date = formatPlanDay(lang, day);
  if (minutes === 0) return date;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return planMessage(lang, 'date.time', { date, time });
}
