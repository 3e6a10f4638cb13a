import { addDays } from '@weijian/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.js';
import { discloseApproved, discloseCommitments, discloseNotices } from '../disclosure/public-shapes.js';
import { legalToday } from './access.js';
import { inbox, licensingSettings } from './inbox.js';
import { approvedList, publicNotices, publishedCommitments } from './public-queries.js';
import { annualReport, onTimeReport, publicationSchedule } from './reports.js';
import {
  annualQuerySchema,
  annualReportSchema,
  approvedListQuerySchema,
  approvedListSchema,
  inboxQuerySchema,
  inboxSchema,
  onTimeQuerySchema,
  onTimeReportSchema,
  publicationDueSchema,
  publicCommitmentSchema,
  publicNoticeSchema,
  settingsSchema,
} from './schemas/reports.js';
import { saveLicensingSettings } from './settings.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const tags = ['licensing'];

/** The inbox, supervisors' figures, the publication schedule, settings, and what the portal publishes. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const db = ctx.database.db;

  app.get(
    '/licensing/inbox',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '待办 Steps waiting for the user, by due date, with warnings and escalations',
        querystring: inboxQuerySchema,
        response: { 200: inboxSchema, ...errors },
      },
    },
    async (request) => inbox(db, request.actor!, request.query, legalToday(ctx)),
  );

  app.get(
    '/licensing/reports/on-time',
    {
      config: { permission: 'licensing.report.read' },
      schema: {
        tags,
        summary:
          '按时办结率 On-time rates per permit type and unit (decisions and acceptances in the period)',
        querystring: onTimeQuerySchema,
        response: { 200: onTimeReportSchema, ...errors },
      },
    },
    async (request) => {
      const today = legalToday(ctx);
      const to = request.query.to ?? today;
      const from = request.query.from ?? `${to.slice(0, 4)}-01-01`;
      return onTimeReport(db, request.actor!, from, to, today);
    },
  );

  app.get(
    '/licensing/reports/annual',
    {
      config: { permission: 'licensing.report.read' },
      schema: {
        tags,
        summary:
          '年度评估 The yearly evaluation figures (due by 15 November): per mode, time against limits, commitments verified and false',
        querystring: annualQuerySchema,
        response: { 200: annualReportSchema, ...errors },
      },
    },
    async (request) => annualReport(db, request.actor!, request.query.year),
  );

  app.get(
    '/licensing/publications',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '双公示时限 Decisions in scope and the day each must be public by (7 working days)',
        querystring: onTimeQuerySchema,
        response: { 200: publicationDueSchema, ...errors },
      },
    },
    async (request) => {
      const today = legalToday(ctx);
      return publicationSchedule(
        db,
        request.actor!,
        request.query.from ?? addDays(today, -60),
        request.query.to ?? today,
      );
    },
  );

  app.get(
    '/licensing/settings',
    {
      config: { permission: 'licensing.read' },
      schema: {
        tags,
        summary: '许可设置 Licensing settings (inbox warning margin)',
        response: { 200: settingsSchema, ...errors },
      },
    },
    async () => licensingSettings(db),
  );

  app.put(
    '/licensing/settings',
    {
      config: { permission: 'licensing.catalogue.manage' },
      schema: {
        tags,
        summary: '修改许可设置 Change the licensing settings',
        body: settingsSchema,
        response: { 200: settingsSchema, ...errors },
      },
    },
    async (request) => saveLicensingSettings({ ctx, actor: request.actor!, input: request.body }),
  );

  app.get(
    '/public/licensing/commitments',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '承诺公开 Commitments granted, with their conditions and the verification state (public)',
        response: { 200: publicCommitmentSchema },
      },
    },
    async () => {
      const list = await publishedCommitments(db);
      return { ...list, items: discloseCommitments(list.items, legalToday(ctx)) };
    },
  );

  app.get(
    '/public/licensing/notices',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '公示 Running 两证合一 notices and new assisted-reproduction applications (public)',
        response: { 200: publicNoticeSchema },
      },
    },
    async () => {
      const list = await publicNotices(db, legalToday(ctx));
      return { ...list, items: discloseNotices(list.items, legalToday(ctx)) };
    },
  );

  app.get(
    '/public/licensing/approved-list',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '机构名单 Approved assisted-reproduction and sperm-bank institutions, half-yearly (public)',
        querystring: approvedListQuerySchema,
        response: { 200: approvedListSchema, 400: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const list = await approvedList(db, legalToday(ctx), request.query.asOf);
      return { ...list, items: discloseApproved(list.items, legalToday(ctx)) };
    },
  );
};
