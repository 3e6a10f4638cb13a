import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLicensingLabels } from '../labels';
import { DATA_LOOKUPS } from './editorForm';

/** The sections of the catalogue editor's form; names follow the definition's own fields. */
const D = 'definition';
const MODES = ['abolished', 'filing', 'commitment', 'approval'];
const LEVELS = ['province', 'city', 'county'];
const DEPARTMENTS = ['health', 'approval', 'supervision', 'environment', 'market', 'police', 'insurance'];

function useRules() {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('licensingEdit.requiredField') };
  const days = { type: 'integer' as const, min: 0, max: 365, message: t('licensingEdit.daysRange') };
  const code = { pattern: /^[a-z][a-z0-9_]{1,49}$/, message: t('licensingEdit.codeFormat') };
  return { required, days, code };
}

const Half = ({ children }: { children: ReactNode }) => (
  <Col xs={24} md={12}>
    {children}
  </Col>
);

export function BasicsSection() {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const r = useRules();
  const req = { required: true, message: t('licensingEdit.requiredField') };
  return (
    <Card size="small" title={t('licensingEdit.basics')} className="wj-gap">
      <Row gutter={16}>
        <Half>
          <Form.Item name={[D, 'nameZh']} label={t('licensingEdit.nameZh')} rules={[r.required]}>
            <Input maxLength={200} />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name={[D, 'nameEn']} label={t('licensingEdit.nameEn')} rules={[r.required]}>
            <Input maxLength={200} />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name={[D, 'mode']} label={t('licensingEdit.mode')} rules={[req]}>
            <Select options={MODES.map((m) => ({ value: m, label: labels.mode(m) }))} />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name={[D, 'level']} label={t('licensingEdit.level')} rules={[req]}>
            <Select options={LEVELS.map((l) => ({ value: l, label: labels.level(l) }))} />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name={[D, 'departmentCode']} label={t('licensingEdit.department')} rules={[req]}>
            <Select options={DEPARTMENTS.map((d) => ({ value: d, label: labels.department(d) }))} />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item
            name={[D, 'licenseNameZh']}
            label={t('licensingEdit.licenseNameZh')}
            rules={[r.required]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Half>
        <Col xs={24}>
          <Form.Item
            name={[D, 'guide', 'summaryZh']}
            label={t('licensingEdit.guideSummaryZh')}
            rules={[r.required]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name={[D, 'guide', 'summaryEn']}
            label={t('licensingEdit.guideSummaryEn')}
            rules={[r.required]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name={[D, 'guide', 'noteZh']}
            label={t('licensingEdit.feesNote')}
            extra={t('licensingEdit.feesHint')}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
          <Form.List name={[D, 'guide', 'stepsZh']}>
            {(fields, { add, remove }) => (
              <Form.Item label={t('licensingEdit.steps')}>
                {fields.map((f) => (
                  <div key={f.key} className="wj-edit-step">
                    <Form.Item name={f.name} noStyle rules={[r.required]}>
                      <Input maxLength={500} />
                    </Form.Item>
                    <Button size="small" danger onClick={() => remove(f.name)}>
                      {t('licensingEdit.remove')}
                    </Button>
                  </div>
                ))}
                <Button onClick={() => add('')}>
                  {t('licensingEdit.add')} · {t('licensingEdit.steps')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        </Col>
      </Row>
    </Card>
  );
}

export function LimitsSection() {
  const { t } = useTranslation();
  const r = useRules();
  const field = (name: string, label: string) => (
    <Col xs={12} md={6}>
      <Form.Item name={[D, name]} label={label} rules={[r.days]}>
        <InputNumber min={0} max={365} precision={0} className="wj-full" />
      </Form.Item>
    </Col>
  );
  return (
    <Card size="small" title={t('licensingEdit.limits')} className="wj-gap">
      <Row gutter={16}>
        {field('statutoryLimitDays', t('licensingEdit.statutoryLimitDays'))}
        {field('committedLimitDays', t('licensingEdit.committedLimitDays'))}
        {field('acceptLimitDays', t('licensingEdit.acceptLimitDays'))}
        {field('verificationDays', t('licensingEdit.verificationDays'))}
      </Row>
    </Card>
  );
}

/** A repeated item: its fields in a bordered block with a remove button; an add button below. */
function ListSection({
  name,
  title,
  empty,
  children,
}: {
  name: string;
  title: string;
  empty: Record<string, unknown>;
  children: (index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} className="wj-gap">
      <Form.List name={[D, name]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <div key={f.key} className="wj-edit-item" data-testid={`${name}-${f.name}`}>
                {children(f.name)}
                <Button size="small" danger onClick={() => remove(f.name)}>
                  {t('licensingEdit.remove')}
                </Button>
              </div>
            ))}
            <Button onClick={() => add(empty)}>
              {t('licensingEdit.add')} · {title}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

export function MaterialsSection() {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const r = useRules();
  return (
    <ListSection
      name="materials"
      title={t('licensingEdit.materials')}
      empty={{ code: '', nameZh: '', nameEn: '', required: true, removedFlag: false, replacedBy: null }}
    >
      {(i) => (
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name={[i, 'code']} label={t('licensingEdit.code')} rules={[r.required, r.code]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name={[i, 'nameZh']} label={t('licensingEdit.materialNameZh')} rules={[r.required]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name={[i, 'nameEn']} label={t('licensingEdit.materialNameEn')} rules={[r.required]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={[i, 'required']} label={t('licensingEdit.required')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={18}>
            <Form.Item
              name={[i, 'removedFlag']}
              label={t('licensingEdit.removedByReform')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Form.Item noStyle dependencies={[[D, 'materials', i, 'removedFlag']]}>
            {({ getFieldValue }) =>
              getFieldValue([D, 'materials', i, 'removedFlag']) ? (
                <>
                  <Col xs={24} md={8}>
                    <Form.Item name={[i, 'replacedBy']} label={t('licensingEdit.replacedBy')}>
                      <Select
                        allowClear
                        placeholder={t('licensingEdit.noLookup')}
                        options={DATA_LOOKUPS.map((l) => ({ value: l, label: labels.lookup(l) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[i, 'removedCitationZh']}
                      label={t('licensingEdit.removedCitationZh')}
                      rules={[r.required]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[i, 'removedCitationEn']}
                      label={t('licensingEdit.removedCitationEn')}
                      rules={[r.required]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                </>
              ) : null
            }
          </Form.Item>
        </Row>
      )}
    </ListSection>
  );
}

export function ConditionsSection() {
  const { t } = useTranslation();
  const r = useRules();
  return (
    <ListSection
      name="conditions"
      title={t('licensingEdit.conditions')}
      empty={{ code: '', textZh: '', textEn: '' }}
    >
      {(i) => (
        <>
          <Form.Item name={[i, 'code']} label={t('licensingEdit.code')} rules={[r.required, r.code]}>
            <Input />
          </Form.Item>
          <Form.Item name={[i, 'textZh']} label={t('licensingEdit.conditionTextZh')} rules={[r.required]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
          <Form.Item name={[i, 'textEn']} label={t('licensingEdit.conditionTextEn')} rules={[r.required]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </>
      )}
    </ListSection>
  );
}

export function ModelTextsSection() {
  const { t } = useTranslation();
  const r = useRules();
  return (
    <ListSection
      name="modelTexts"
      title={t('licensingEdit.modelTexts')}
      empty={{ code: '', titleZh: '', titleEn: '', bodyZh: '' }}
    >
      {(i) => (
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name={[i, 'code']} label={t('licensingEdit.code')} rules={[r.required]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name={[i, 'titleZh']} label={t('licensingEdit.modelTitleZh')} rules={[r.required]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name={[i, 'titleEn']} label={t('licensingEdit.modelTitleEn')} rules={[r.required]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name={[i, 'bodyZh']} label={t('licensingEdit.modelBodyZh')} rules={[r.required]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={10_000} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListSection>
  );
}

export function CitationsSection() {
  const { t } = useTranslation();
  const r = useRules();
  return (
    <>
      <Card size="small" title={t('licensingEdit.citations')} className="wj-gap">
        <Form.Item name={[D, 'citation', 'zh']} label={t('licensingEdit.citationZh')} rules={[r.required]}>
          <Input />
        </Form.Item>
        <Form.Item name={[D, 'citation', 'en']} label={t('licensingEdit.citationEn')} rules={[r.required]}>
          <Input />
        </Form.Item>
      </Card>
      <ListSection name="legalBasis" title={t('licensingEdit.legalBasis')} empty={{ zh: '', en: '' }}>
        {(i) => (
          <Row gutter={12}>
            <Half>
              <Form.Item name={[i, 'zh']} label={t('licensingEdit.citationZh')} rules={[r.required]}>
                <Input />
              </Form.Item>
            </Half>
            <Half>
              <Form.Item name={[i, 'en']} label={t('licensingEdit.citationEn')} rules={[r.required]}>
                <Input />
              </Form.Item>
            </Half>
          </Row>
        )}
      </ListSection>
    </>
  );
}
