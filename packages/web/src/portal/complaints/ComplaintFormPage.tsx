import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ComplaintReceipt, PublicComplaintInput } from '../../api/enforcement';
import type { Region } from '../../api/regions';
import { fieldErrors } from '../format';
import { useT } from '../i18n';
import { Notice, ProblemNotice } from '../public-ui';
import { submitComplaint, useComplaintCategories } from '../publicApi';
import { described, Field } from '../shell/Field';
import { PublicLayout } from '../shell/PublicLayout';
import { useAction } from '../useResource';
import { ComplaintReceived } from './ComplaintReceived';
import { PublicRegionPicker, routable } from './PublicRegionPicker';

const FIELDS = [
  'anonymous',
  'name',
  'phone',
  'categoryCode',
  'establishmentName',
  'establishmentCode',
  'practitionerName',
  'regionCode',
  'location',
  'description',
] as const;
type Text =
  | 'name'
  | 'phone'
  | 'categoryCode'
  | 'establishmentName'
  | 'establishmentCode'
  | 'practitionerName'
  | 'location'
  | 'description';
const blank = (s: string) => (s.trim() ? s.trim() : undefined);
/** The server names the reporter's fields reporter.name / reporter.phone. */
const rename = (path: string) =>
  /reporter.*name/.test(path) ? 'name' : /reporter.*phone/.test(path) ? 'phone' : null;

/**
 * /complaints: the public complaint form, laid out for a phone first. Anonymous or named; a named
 * reporter's name and phone go to the handling unit only. The answer shows the query code once.
 */
export default function ComplaintFormPage() {
  const { t, lang, en } = useT();
  const [params] = useSearchParams();
  const fromEstablishment = params.get('establishment') ?? '';
  const empty = (): Record<Text, string> => ({
    name: '',
    phone: '',
    categoryCode: '',
    establishmentName: '',
    establishmentCode: fromEstablishment,
    practitionerName: '',
    location: '',
    description: '',
  });
  const [anonymous, setAnonymous] = useState(true);
  const [v, setV] = useState(empty);
  const [chain, setChain] = useState<Region[]>([]);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const categories = useComplaintCategories();
  const submit = useAction(submitComplaint);
  const [receipt, setReceipt] = useState<ComplaintReceipt | null>(null);
  const server = fieldErrors(submit.error, lang, FIELDS, rename);
  const errors: Record<string, string | undefined> = { ...server.byField, ...invalid };
  const region = [...chain].reverse().find(routable);

  const set = (k: Text) => (e: { target: { value: string } }) =>
    setV((old) => ({ ...old, [k]: e.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!anonymous && (!v.name.trim() || v.name.length > 50)) local.name = t('complaintPortal.nameRequired');
    if (!anonymous && v.phone.trim() && !/^[0-9+\-\s]{7,20}$/.test(v.phone))
      local.phone = t('complaintPortal.phoneInvalid');
    if (!region) local.regionCode = t('complaintPortal.regionRequired');
    if (v.description.trim().length < 10) local.description = t('complaintPortal.descriptionRequired');
    setInvalid(local);
    if (Object.keys(local).length > 0) {
      document
        .getElementById(Object.keys(local)[0] === 'regionCode' ? 'region-0' : `c-${Object.keys(local)[0]}`)
        ?.focus();
      return;
    }
    const input: PublicComplaintInput = {
      anonymous,
      regionCode: region!.code,
      description: v.description.trim(),
    };
    if (!anonymous) {
      input.reporter = { name: v.name.trim() };
      if (blank(v.phone)) input.reporter.phone = blank(v.phone)!;
    }
    for (const k of [
      'categoryCode',
      'establishmentName',
      'establishmentCode',
      'practitionerName',
      'location',
    ] as const) {
      const value = blank(v[k]);
      if (value) input[k] = value;
    }
    void submit.mutate(input).then((r) => {
      if (!r) return;
      setReceipt(r);
      window.scrollTo(0, 0);
    });
  };

  if (receipt) {
    return (
      <PublicLayout>
        <ComplaintReceived
          receipt={receipt}
          onAnother={() => {
            setReceipt(null);
            setV(empty());
            setChain([]);
            submit.reset();
          }}
        />
      </PublicLayout>
    );
  }

  const input = (k: Text, props: Record<string, unknown> = {}, help?: string) => (
    <input
      id={`c-${k}`}
      className="wj-pub-input"
      value={v[k]}
      onChange={set(k)}
      {...described(`c-${k}`, help, errors[k])}
      {...props}
    />
  );
  return (
    <PublicLayout>
      <div className="wj-pub-narrow">
        <h1 className="wj-pub-title">{t('complaintPortal.title')}</h1>
        <p>{t('complaintPortal.intro')}</p>
        <Notice tone="info" title={t('complaintPortal.privacy')} />
        <p>
          <Link to="/complaints/track">{t('complaintPortal.trackLink')}</Link>
        </p>
        <form noValidate onSubmit={onSubmit} className="wj-pub-form" aria-busy={submit.isPending}>
          <fieldset className="wj-pub-fieldset">
            <legend>{t('complaintPortal.anonymous')}</legend>
            <div className="wj-pub-segmented wj-pub-segmented-full">
              {[true, false].map((a) => (
                <label key={String(a)}>
                  <input
                    type="radio"
                    name="anonymous"
                    checked={anonymous === a}
                    onChange={() => setAnonymous(a)}
                  />
                  <span>{a ? t('complaintPortal.anonymousYes') : t('complaintPortal.anonymousNo')}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {!anonymous && (
            <>
              <Field id="c-name" label={t('complaintPortal.name')} error={errors.name} required>
                {input('name', { autoComplete: 'name', maxLength: 50, required: true })}
              </Field>
              <Field
                id="c-phone"
                label={t('complaintPortal.phone')}
                help={t('complaintPortal.phoneHelp')}
                error={errors.phone}
              >
                {input(
                  'phone',
                  { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 20 },
                  t('complaintPortal.phoneHelp'),
                )}
              </Field>
            </>
          )}
          <PublicRegionPicker chain={chain} onChain={setChain} error={errors.regionCode} />
          <Field
            id="c-establishmentName"
            label={t('complaintPortal.establishmentName')}
            help={t('complaintPortal.establishmentNameHelp')}
            error={errors.establishmentName}
          >
            {input('establishmentName', { maxLength: 200 }, t('complaintPortal.establishmentNameHelp'))}
          </Field>
          <Field
            id="c-description"
            label={t('complaintPortal.description')}
            help={t('complaintPortal.descriptionHelp')}
            error={errors.description}
            required
          >
            <textarea
              id="c-description"
              className="wj-pub-input"
              rows={6}
              maxLength={4000}
              value={v.description}
              onChange={set('description')}
              required
              {...described('c-description', true, errors.description)}
            />
            <div className="wj-pub-count" aria-hidden="true">
              {v.description.length} / 4000
            </div>
          </Field>
          <details className="wj-pub-details" open={Boolean(fromEstablishment) || undefined}>
            <summary>{t('complaintPortal.more')}</summary>
            <Field
              id="c-categoryCode"
              label={t('complaintPortal.category')}
              help={t('complaintPortal.categoryHelp')}
              error={errors.categoryCode}
            >
              <select
                id="c-categoryCode"
                className="wj-pub-input"
                value={v.categoryCode}
                onChange={set('categoryCode')}
                {...described('c-categoryCode', true, errors.categoryCode)}
              >
                <option value="">{t('complaintPortal.categoryAuto')}</option>
                {(categories.data ?? []).map((c) => (
                  <option key={c.code} value={c.code}>
                    {en ? c.nameEn : c.nameZh}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id="c-establishmentCode"
              label={t('complaintPortal.establishmentCode')}
              error={errors.establishmentCode}
            >
              {input('establishmentCode', { maxLength: 18, autoCapitalize: 'characters' })}
            </Field>
            <Field
              id="c-practitionerName"
              label={t('complaintPortal.practitionerName')}
              error={errors.practitionerName}
            >
              {input('practitionerName', { maxLength: 50 })}
            </Field>
            <Field id="c-location" label={t('complaintPortal.location')} error={errors.location}>
              {input('location', { maxLength: 300 })}
            </Field>
          </details>
          {submit.isError && <ProblemNotice error={submit.error} extra={server.rest} />}
          <button
            type="submit"
            className="wj-pub-button wj-pub-button-primary wj-pub-button-block"
            disabled={submit.isPending}
          >
            {t('complaintPortal.submit')}
          </button>
        </form>
      </div>
    </PublicLayout>
  );
}
