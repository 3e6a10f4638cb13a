import { Alert, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickMessage } from '../../../api/problem';

/** A credit-code error the server lets a user with the permission accept (the code is well formed). */
export const ACCEPTABLE_USCC_ERRORS = ['uscc_check_char', 'uscc_org_code_check_char'];

export interface UsccProblem {
  code: string;
  messageZh: string;
  messageEn: string;
}

interface Props {
  /** The server's last word on the code, when it refused it. */
  problem: UsccProblem | null;
  canAccept: boolean;
  /** An earlier acceptance of the stored code. */
  accepted?: { reason: string; acceptedBy: string | null } | null;
}

/**
 * 统一社会信用代码, checked by the server. A code that fails only its check character may have been
 * issued that way: a user with the permission accepts it with a stated reason (audited).
 */
export function UsccField({ problem, canAccept, accepted }: Props) {
  const { t, i18n } = useTranslation();
  const accepting = Form.useWatch('usccAccept') as boolean | undefined;
  const acceptable = !!problem && ACCEPTABLE_USCC_ERRORS.includes(problem.code);
  return (
    <>
      <Form.Item
        name="uscc"
        label={t('registry.uscc')}
        extra={t('registry.usccHelp')}
        normalize={(v: string) => v.toUpperCase()}
        rules={[{ len: 18, message: t('registry.usccLength') }]}
      >
        <Input allowClear spellCheck={false} autoComplete="off" maxLength={18} className="wj-mono" />
      </Form.Item>
      {accepted && (
        <Alert
          type="info"
          showIcon
          className="wj-gap"
          title={t('registry.usccAcceptedBefore', { by: accepted.acceptedBy ?? '—' })}
          description={accepted.reason}
        />
      )}
      {acceptable && (
        <Alert
          type="warning"
          showIcon
          className="wj-gap"
          title={pickMessage(problem, i18n.language)}
          description={
            canAccept ? (
              <>
                <p>{t('registry.usccAcceptIntro')}</p>
                <Form.Item name="usccAccept" valuePropName="checked" noStyle>
                  <Checkbox>{t('registry.usccAccept')}</Checkbox>
                </Form.Item>
                {accepting && (
                  <Form.Item
                    name="usccAcceptReason"
                    label={t('registry.usccAcceptReason')}
                    className="wj-top-gap"
                    rules={[
                      { required: true, whitespace: true, message: t('registry.usccAcceptReasonRequired') },
                      { min: 4, max: 500, message: t('registry.usccAcceptReasonLength') },
                    ]}
                  >
                    <Input.TextArea rows={2} placeholder={t('registry.usccAcceptReasonPlaceholder')} />
                  </Form.Item>
                )}
              </>
            ) : (
              t('registry.usccAcceptNoPermission')
            )
          }
        />
      )}
    </>
  );
}
