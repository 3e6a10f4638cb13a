import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { publicUrlOf, qrPng } from '../registry/establishment-code.js';
import type { EstablishmentFacts } from '../registry/queries.js';
import type { LicenseRow } from './license-record.js';

/**
 * The printable certificate: A4, Chinese text in Noto Sans SC (only the glyphs used are embedded),
 * the licence's particulars and conditions, and the establishment's QR code (一码), which encodes
 * only the public URL {origin}/e/{publicCode}. A licence that is no longer valid is marked across.
 */
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;

function loadFonts() {
  fonts ??= {
    regular: fs.readFileSync(
      require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    ),
    bold: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

const STATUS_MARK: Record<string, string> = {
  deregistered: '已注销',
  withdrawn: '已撤销',
  revoked: '已吊销',
  expired: '已过期',
};

export interface CertificateInput {
  license: LicenseRow;
  establishment: EstablishmentFacts;
  effectiveStatus: string;
  origin: string;
  printedAt: Date;
}

export async function renderCertificate(input: CertificateInput): Promise<Buffer> {
  const { license: l, establishment: e } = input;
  const f = loadFonts();
  const url = publicUrlOf(input.origin, e.publicCode);
  const qr = await qrPng(url);
  const title = l.license_name_zh.replace(/[《》]/g, '');

  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `${title} ${l.number}`,
      Author: l.unit_name,
      Subject: e.name,
      Creator: '卫监 Weijian',
      CreationDate: input.printedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('sc', f.regular);
  doc.registerFont('sc-bold', f.bold);

  const { width, height } = doc.page;
  doc
    .lineWidth(3)
    .strokeColor('#8b1a1a')
    .rect(28, 28, width - 56, height - 56)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(36, 36, width - 72, height - 72)
    .stroke();

  doc
    .font('sc-bold')
    .fontSize(30)
    .fillColor('#8b1a1a')
    .text(title, 56, 86, { width: width - 112, align: 'center' });
  doc
    .font('sc')
    .fontSize(11)
    .fillColor('#333333')
    .text(`编号：${l.number}`, 56, 140, { width: width - 112, align: 'center' });

  const labelX = 80;
  const valueX = 190;
  const valueWidth = width - valueX - 80;
  let y = 190;
  const row = (label: string, value: string, size = 12) => {
    doc
      .font('sc-bold')
      .fontSize(12)
      .fillColor('#111111')
      .text(label, labelX, y, { width: valueX - labelX - 10 });
    doc
      .font('sc')
      .fontSize(size)
      .fillColor('#111111')
      .text(value || '—', valueX, y, { width: valueWidth, lineGap: 3 });
    y = Math.max(doc.y, y + 18) + 12;
  };
  row('单位名称', e.name);
  row('统一社会信用代码', e.uscc ?? '—');
  row('法定代表人', e.legalRepresentative ?? '—');
  row('地    址', e.address);
  if (l.scope_text) row('许可项目', l.scope_text);
  if (l.conditions.length) row('许可条件', l.conditions.map((c, i) => `${i + 1}. ${c}`).join('\n'), 10.5);
  row('有效期限', l.valid_to ? `${l.valid_from} 至 ${l.valid_to}` : `自 ${l.valid_from} 起（按期校验）`);
  row('发证机关', l.unit_name);
  row('发证日期', l.issued_on);

  const qrSize = 118;
  const qrX = width - 80 - qrSize;
  const qrY = height - 96 - qrSize - 40;
  doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
  doc
    .font('sc')
    .fontSize(8.5)
    .fillColor('#444444')
    .text('扫码查看机构公开信息', qrX - 10, qrY + qrSize + 4, { width: qrSize + 20, align: 'center' });
  doc.fontSize(7).text(url, qrX - 40, qrY + qrSize + 17, { width: qrSize + 80, align: 'center' });

  doc
    .font('sc-bold')
    .fontSize(16)
    .fillColor('#8b1a1a')
    .text(l.unit_name, 80, qrY + 40, { width: qrX - 100 });
  doc
    .font('sc')
    .fontSize(11)
    .fillColor('#333333')
    .text(
      `${l.issued_on.slice(0, 4)}年${Number(l.issued_on.slice(5, 7))}月${Number(l.issued_on.slice(8, 10))}日`,
      80,
      qrY + 66,
    );

  doc
    .font('sc')
    .fontSize(8)
    .fillColor('#666666')
    .text(
      `本证由卫监系统依电子许可记录生成（记录号 ${l.id}，第 ${l.version} 版，打印于 ${input.printedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC），以系统记录为准；扫描二维码可核验。`,
      56,
      height - 84,
      { width: width - 112, align: 'center' },
    );

  const mark = STATUS_MARK[input.effectiveStatus];
  if (mark) {
    doc.save();
    doc.rotate(-30, { origin: [width / 2, height / 2] });
    doc
      .font('sc-bold')
      .fontSize(96)
      .fillColor('#cc0000')
      .fillOpacity(0.25)
      .text(mark, 0, height / 2 - 60, { width, align: 'center' });
    doc.restore();
  }
  doc.end();
  return done;
}
