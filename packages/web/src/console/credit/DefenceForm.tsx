import { App, Button, Input, Radio } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { type BlacklistProposal, creditWrites, useCreditMutation } from './creditApi';

/** Words of the form: staff record a defence received on paper; the institution states its own. */
export interface DefenceFormLabels {
  title?: string;
  stated: string;
  waived: string;
  text: string;
  submit: string;
  saved: string;
}

/**
 * 陈述申辩 on a proposal to list or remove (行政处罚法 第四十四条、第四十五条: the right to state
 * and defend before the decision): stated with its text, or waived. Used by the staff proposals panel
 * and by the institution's own credit page.
 */
export function DefenceForm({
  p,
  labels,
  primary = false,
}: {
  p: BlacklistProposal;
  labels: DefenceFormLabels;
  primary?: boolean;
}) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<'stated' | 'waived'>('stated');
  const [statement, setStatement] = useState('');
  const save = useCreditMutation(() => creditWrites.stateDefence(p.id, { kind, statement }));
  return (
    <div className="wj-top-gap">
      {labels.title && <h4>{labels.title}</h4>}
      <Radio.Group
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        options={[
          { value: 'stated', label: labels.stated },
          { value: 'waived', label: labels.waived },
        ]}
      />
      <Input.TextArea
        className="wj-top-gap"
        aria-label={labels.text}
        placeholder={labels.text}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        rows={primary ? 3 : 2}
        maxLength={2000}
      />
      <ProblemAlert error={save.error} />
      <Button
        type={primary ? 'primary' : 'default'}
        className="wj-top-gap"
        loading={save.isPending}
        onClick={() => save.mutate(undefined, { onSuccess: () => message.success(labels.saved) })}
      >
        {labels.submit}
      </Button>
    </div>
  );
}
