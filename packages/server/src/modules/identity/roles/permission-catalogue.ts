import { ALL_PERMISSIONS, PERMISSIONS, type Permission } from '../permissions.js';

/** The declared permissions with their labels: "中文 English" in permissions.ts, split here. */
export interface PermissionEntry {
  name: Permission;
  module: string;
  labelZh: string;
  labelEn: string;
}

export function permissionCatalogue(): PermissionEntry[] {
  return ALL_PERMISSIONS.map((name) => {
    const label: string = PERMISSIONS[name];
    const space = label.indexOf(' ');
    return {
      name,
      module: name.split('.')[0]!,
      labelZh: space > 0 ? label.slice(0, space) : label,
      labelEn: space > 0 ? label.slice(space + 1) : label,
    };
  });
}
