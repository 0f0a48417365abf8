// Generated text for the seeded vault, with words of known frequency so that search figures
// cover common, rare and absent terms in both scripts (the bench's queries name them).

const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '丽', '强', '霞', '平'];
const LATIN = ['Wei Zhang', 'Anna Müller', 'John Smith', 'Maria Garcia', 'Li Na', 'Pierre Martin', 'Yuki Tanaka', 'Sofia Rossi'];

const SUBJECTS = [
  '请删除我的个人信息',
  '要求查阅并复制我的个人信息',
  '投诉：未经同意发送营销短信',
  '更正账户中的手机号码',
  '注销账户申请',
  'Please delete my account data',
  'Access request under GDPR Art. 15',
  'Complaint about marketing emails',
  'Withdraw consent for personalised recommendations',
  'Correct my date of birth',
];

const BODIES = [
  '您好，我在贵公司的应用注册过账户，现在不再使用，请删除与我有关的全部个人信息，并告知处理结果。',
  '我多次收到推广短信，从未同意接收，请停止发送并说明你们从哪里获得了我的手机号码。',
  'Hello, I would like a copy of all personal data you hold about me, including the purposes of processing and the recipients.',
  'I no longer use the service. Please close my account and erase my data, and confirm when this is done.',
];

/** Terms with a known share of the documents (the bench searches for each). */
export const TERMS = {
  /** In every fifth document (one subject in five says 删除/delete). */
  commonZh: '删除',
  commonEn: 'delete',
  /** In one document in a thousand. */
  rareZh: '退款',
  rareEn: 'refund',
  /** In no document. */
  absentZh: '龙虾',
  absentEn: 'lobster',
  /** Three or more characters (the trigram index's own case). */
  phraseZh: '个人信息',
  phraseEn: 'marketing emails',
} as const;

export function requesterName(i: number): string {
  if (i % 4 === 3) return LATIN[(i >> 2) % LATIN.length];
  return SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length];
}

export function subjectOf(i: number): string {
  return SUBJECTS[i % SUBJECTS.length];
}

/** The requester's message: every other request has one; one in a thousand asks for a refund. */
export function bodyOf(i: number): string {
  if (i % 2 === 1) return '';
  const text = BODIES[(i >> 1) % BODIES.length];
  return i % 1000 === 0 ? `${text} 另外，请处理我的退款 (refund) 申请，订单号 ${i}。` : text;
}
