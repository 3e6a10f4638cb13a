/**
 * Sign-in and session limits. GB/T 22239-2019 (等保 2.0) level 3, 8.1.4.1 身份鉴别 b): "应具有登录失败
 * 处理功能，应配置并启用结束会话、限制非法登录次数和当登录连接超时自动退出等相关措施". The standard
 * sets no numbers; these defaults follow common practice for level-3 systems.
 */
export const SECURITY_POLICY = {
  /** Consecutive failures on one account before it is locked. */
  accountMaxFailures: 5,
  accountLockMinutes: 15,
  /** Failures from one address (any account) within the window before the address is refused. */
  addressMaxFailures: 20,
  addressWindowMinutes: 15,
  /** A session unused this long ends (idle expiry). */
  sessionIdleMinutes: 30,
  /** A session ends this long after sign-in whatever happens (absolute expiry). */
  sessionAbsoluteHours: 12,
} as const;

export interface PasswordProblem {
  code: string;
  messageZh: string;
  messageEn: string;
}

/**
 * 等保 2.0 8.1.4.1 a): "身份鉴别信息具有复杂度要求并定期更换". At least 10 characters from at least
 * three of: upper case, lower case, digits, symbols; not containing the username.
 */
export function checkPasswordPolicy(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < 10) {
    problems.push({
      code: 'password_too_short',
      messageZh: '密码至少 10 个字符',
      messageEn: 'The password must have at least 10 characters',
    });
  }
  if (password.length > 128) {
    problems.push({
      code: 'password_too_long',
      messageZh: '密码最多 128 个字符',
      messageEn: 'The password may have at most 128 characters',
    });
  }
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) {
    problems.push({
      code: 'password_too_simple',
      messageZh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
      messageEn: 'The password must mix at least three of: upper case, lower case, digits, symbols',
    });
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({
      code: 'password_contains_username',
      messageZh: '密码不能包含用户名',
      messageEn: 'The password must not contain the username',
    });
  }
  return problems;
}
