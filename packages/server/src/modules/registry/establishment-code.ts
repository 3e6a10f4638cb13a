import { publicPath } from '@weijian/domain';
import QRCode from 'qrcode';

/**
 * The establishment code (一码) as an image. It encodes only the fixed public URL of the
 * establishment's page, `{origin}/e/{publicCode}` — never a name, a phone number or anything else
 * about a person. The origin is WEIJIAN_PUBLIC_URL when configured (printed codes must not depend on
 * the address a clerk used), else the request's own origin.
 */
export function publicUrlOf(origin: string, publicCode: string): string {
  return `${origin.replace(/\/+$/, '')}${publicPath(publicCode)}`;
}

const OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };

export async function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: 'png', width: 512 });
}

export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: 'svg' });
}
