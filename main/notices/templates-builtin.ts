import type { BilingualText, NoticeKind } from '../../preload/contract/notices';

// The built-in starting text of each kind, in zh-CN and en. The DPO edits and versions them
// (notices.templateUpdate). Element sections that quote a linked record's field are kept only
// when the record gives that field a value, so a draft never starts with an unknown merge field
// or an empty sentence; the other element sections start empty and show as missing.

export interface BuiltInTemplate {
  subject: BilingualText;
  sections: Record<string, BilingualText>;
  sms: BilingualText;
  pushTitle: BilingualText;
  pushBody: BilingualText;
}

const T = (zh: string, en: string): BilingualText => ({ 'zh-CN': zh, en });

const contactIndividuals = T(
  '如您有任何疑问，请联系我们的个人信息保护负责人{{org.dpoName}}（电子邮件：{{org.dpoEmail}}；电话：{{org.phone}}）。',
  'If you have any questions, please contact our Data Protection Officer, {{org.dpoName}} (e-mail: {{org.dpoEmail}}; phone: {{org.phone}}).',
);
const closingIndividuals = T('对于本次事件给您带来的不便，我们深表歉意。\n\n{{org.legalName}}', 'We sincerely apologise for the inconvenience this incident may cause you.\n\n{{org.legalName}}');
const incidentPi = T('本次事件涉及的个人信息种类：{{incident.piCategories}}。', 'The personal information involved: {{incident.piCategories}}.');

export const BUILT_IN_TEMPLATES: Record<NoticeKind, BuiltInTemplate> = {
  'incident.individuals': {
    subject: T('关于个人信息安全事件的告知', 'Notice of a personal information security incident'),
    sections: {
      opening: T('尊敬的用户：\n\n我们遗憾地告知您，{{org.legalName}}发生了一起可能涉及您个人信息的安全事件。', 'Dear user,\n\nWe regret to inform you that {{org.legalName}} has had a security incident that may involve your personal information.'),
      basicSituation: T('{{incident.description}}', '{{incident.description}}'),
      piCategories: incidentPi,
      cause: T('事件原因：{{incident.cause}}', 'Cause: {{incident.cause}}'),
      possibleHarm: T('{{incident.harmAssessment}}', '{{incident.harmAssessment}}'),
      measuresTaken: T('{{incident.measuresTaken}}', '{{incident.measuresTaken}}'),
      selfProtection: T('{{incident.adviceToIndividuals}}', '{{incident.adviceToIndividuals}}'),
      remedies: T('{{incident.remedies}}', '{{incident.remedies}}'),
      contact: contactIndividuals,
      closing: closingIndividuals,
    },
    sms: T('【{{org.legalName}}】我们发生了一起可能涉及您个人信息的安全事件，详情已发送至您的邮箱。咨询：{{org.dpoEmail}}', '{{org.legalName}}: a security incident may involve your personal information. Details were sent by e-mail. Questions: {{org.dpoEmail}}'),
    pushTitle: T('个人信息安全事件告知', 'Security incident notice'),
    pushBody: T('我们发生了一起可能涉及您个人信息的安全事件，请查看通知了解详情及建议措施。', 'A security incident may involve your personal information. Open the notice for details and what you can do.'),
  },
  'incident.cac': {
    subject: T('网络安全事件报告（{{org.legalName}}）', 'Cybersecurity incident report ({{org.legalName}})'),
    sections: {
      opening: T('{{org.address}}所在地省级网信部门：\n\n现将我单位发生的网络安全事件报告如下。', 'To the provincial cyberspace administration:\n\nWe report the following cybersecurity incident.'),
      entitySystem: T('报告单位：{{org.legalName}}（{{org.address}}）。', 'Reporting entity: {{org.legalName}} ({{org.address}}).'),
      closing: T('联系人：{{org.dpoName}}，电话：{{org.phone}}，电子邮件：{{org.dpoEmail}}。', 'Contact: {{org.dpoName}}, phone {{org.phone}}, e-mail {{org.dpoEmail}}.'),
    },
    sms: T('', ''),
    pushTitle: T('', ''),
    pushBody: T('', ''),
  },
  'gdpr.art33': {
    subject: T('个人数据泄露通知（GDPR第33条）', 'Personal data breach notification (GDPR Art. 33)'),
    sections: {
      opening: T('致主管监管机构：', 'To the competent supervisory authority:'),
      consequences: T('{{incident.harmAssessment}}', '{{incident.harmAssessment}}'),
      measures: T('{{incident.measuresTaken}}', '{{incident.measuresTaken}}'),
      dpoContact: T('数据保护官：{{org.dpoName}}，{{org.dpoEmail}}，{{org.phone}}。', 'Data Protection Officer: {{org.dpoName}}, {{org.dpoEmail}}, {{org.phone}}.'),
      closing: T('{{org.legalName}}', '{{org.legalName}}'),
    },
    sms: T('', ''),
    pushTitle: T('', ''),
    pushBody: T('', ''),
  },
  'gdpr.art34': {
    subject: T('关于您的个人数据泄露的通知', 'Notice of a personal data breach affecting you'),
    sections: {
      opening: T('尊敬的用户：', 'Dear user,'),
      dpoContact: T('如有疑问，请联系我们的数据保护官{{org.dpoName}}：{{org.dpoEmail}}。', 'If you have questions, contact our Data Protection Officer, {{org.dpoName}}: {{org.dpoEmail}}.'),
      closing: closingIndividuals,
    },
    sms: T('【{{org.legalName}}】您的个人数据可能受到一起泄露事件影响，详情见邮件。', '{{org.legalName}}: a data breach may affect your personal data. See our e-mail for details.'),
    pushTitle: T('数据泄露通知', 'Data breach notice'),
    pushBody: T('一起数据泄露事件可能影响您的个人数据，请查看通知。', 'A data breach may affect your personal data. Open the notice for details.'),
  },
  'ca.breach': {
    subject: T('Notice of Data Breach（数据泄露通知）', 'Notice of Data Breach'),
    sections: {
      whatHappened: T('{{incident.description}}', '{{incident.description}}'),
      whatInformation: T('{{incident.piCategories}}', 'The information involved: {{incident.piCategories}}.'),
      whatWeAreDoing: T('{{incident.measuresTaken}}', '{{incident.measuresTaken}}'),
      whatYouCanDo: T('{{incident.adviceToIndividuals}}', '{{incident.adviceToIndividuals}}'),
      moreInformation: T('如需更多信息，请联系{{org.legalName}}：{{org.dpoEmail}}，{{org.phone}}。', 'For more information, contact {{org.legalName}} at {{org.dpoEmail}} or {{org.phone}}.'),
    },
    sms: T('', ''),
    pushTitle: T('Notice of Data Breach', 'Notice of Data Breach'),
    pushBody: T('', ''),
  },
  'transfer.separateConsent': {
    subject: T('个人信息出境告知及单独同意请求', 'Notice of cross-border transfer and request for your separate consent'),
    sections: {
      opening: T('尊敬的用户：\n\n根据《个人信息保护法》第三十九条，我们向您告知以下个人信息出境事项，并征求您的单独同意。', 'Dear user,\n\nUnder Article 39 of the Personal Information Protection Law, we tell you about the following transfer of your personal information outside China and ask for your separate consent.'),
      consentRequest: T('如您同意上述出境安排，请点击“同意”。您可以随时撤回同意，撤回不影响撤回前基于同意已进行的处理。', 'If you agree to this transfer, please select "I agree". You may withdraw your consent at any time; this does not affect processing done before.'),
      closing: T('{{org.legalName}}', '{{org.legalName}}'),
    },
    sms: T('', ''),
    pushTitle: T('个人信息出境单独同意', 'Separate consent for a cross-border transfer'),
    pushBody: T('请阅读个人信息出境告知并选择是否同意。', 'Please read the cross-border transfer notice and choose whether to agree.'),
  },
  'entrusted.processing': {
    subject: T('委托处理个人信息告知', 'Notice of entrusted processing of personal information'),
    sections: {
      opening: T('尊敬的用户：\n\n我们将委托以下受托方处理您的部分个人信息。', 'Dear user,\n\nWe will entrust the following supplier with processing some of your personal information.'),
      closing: T('{{org.legalName}}', '{{org.legalName}}'),
    },
    sms: T('', ''),
    pushTitle: T('', ''),
    pushBody: T('', ''),
  },
  'policy.change': {
    subject: T('隐私政策更新通知', 'Our privacy policy is changing'),
    sections: {
      opening: T('尊敬的用户：\n\n我们更新了隐私政策，主要变更如下。', 'Dear user,\n\nWe have updated our privacy policy. The main changes are below.'),
      closing: T('如有疑问，请联系{{org.dpoEmail}}。\n\n{{org.legalName}}', 'Questions? Contact {{org.dpoEmail}}.\n\n{{org.legalName}}'),
    },
    sms: T('【{{org.legalName}}】我们更新了隐私政策，详情请查看邮件或应用内公告。', '{{org.legalName}}: we have updated our privacy policy. See our e-mail or in-app notice.'),
    pushTitle: T('隐私政策更新', 'Privacy policy update'),
    pushBody: T('我们更新了隐私政策，请查看主要变更。', 'We updated our privacy policy. See what changed.'),
  },
  reply: {
    subject: T('关于您的请求的答复', 'Reply to your request'),
    // The decision's elements are filled from the request's recorded decision (one source of
    // truth): outcome, the ground in the privacy policy's words, the reasons, and PIPL Art. 50.
    sections: {
      opening: T('您好：\n\n我们已收到您的请求（编号 {{request.ref}}），现答复如下。', 'Hello,\n\nWe received your request (ref. {{request.ref}}). Our reply follows.'),
      decision: T('{{request.decisionText}}', '{{request.decisionText}}'),
      refusalGround: T('依据：隐私政策第五部分第（{{request.refusalGroundNumber}}）项——{{request.refusalGround}}。', 'Ground: privacy policy §V, item ({{request.refusalGroundNumber}}) — {{request.refusalGround}}.'),
      refusalReasons: T('理由：{{request.refusalReasons}}', 'Reasons: {{request.refusalReasons}}'),
      rightToComplain: T('{{request.rightToComplain}}', '{{request.rightToComplain}}'),
      closing: T('{{org.dpoName}}\n{{org.legalName}}', '{{org.dpoName}}\n{{org.legalName}}'),
    },
    sms: T('', ''),
    pushTitle: T('', ''),
    pushBody: T('', ''),
  },
};
