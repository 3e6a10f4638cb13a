import type { ThemeConfig } from 'antd';

export const PRIMARY = '#1f5fbf';

export const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"Noto Sans SC"',
  '"Noto Sans CJK SC"',
  '"PingFang SC"',
  '"Microsoft YaHei"',
  '"Hiragino Sans GB"',
  '"WenQuanYi Micro Hei"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

/** A sober government blue; on phones every control grows to a comfortable touch size. */
export function weijianTheme(isPhone: boolean): ThemeConfig {
  return {
    token: {
      colorPrimary: PRIMARY,
      colorLink: PRIMARY,
      colorInfo: PRIMARY,
      fontFamily: FONT_FAMILY,
      borderRadius: 4,
      ...(isPhone ? { controlHeight: 40, fontSize: 15 } : {}),
    },
    components: {
      Layout: {
        headerBg: '#ffffff',
        headerHeight: 56,
        headerPadding: isPhone ? '0 12px' : '0 24px',
        bodyBg: '#f3f5f9',
        siderBg: '#ffffff',
        footerBg: '#f3f5f9',
      },
      ...(isPhone ? { Card: { bodyPadding: 16, headerPadding: 16 } } : {}),
    },
  };
}
