import { Tag } from 'antd';
import { STATE_COLORS } from './labels';

export function StateTag({ state, label }: { state: string; label: string }) {
  return <Tag color={STATE_COLORS[state]}>{label}</Tag>;
}
