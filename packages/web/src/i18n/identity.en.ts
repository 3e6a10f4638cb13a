import type identityZh from './identity.zh-CN';

/** English strings of the account and user pages: same keys as identity.zh-CN.ts. */
const identityEn: typeof identityZh = {
  common: {
    ok: 'OK',
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    delete: 'Delete',
    search: 'Search',
    reset: 'Reset',
    actions: 'Actions',
    optional: 'Optional',
    total: '{{count}} in total',
  },
  account: {
    currentPassword: 'Current password',
    currentPasswordRequired: 'Enter your current password',
    newPassword: 'New password',
    newPasswordRequired: 'Enter a new password',
    confirmPassword: 'New password again',
    confirmPasswordRequired: 'Enter the new password again',
    confirmPasswordMismatch: 'The two new passwords differ',
    changePassword: 'Change password',
    policyTitle: 'Password rules',
    policyLength: 'At least 10 characters',
    policyClasses: 'At least three of: upper case, lower case, digits, symbols',
    policyUsername: 'Does not contain the username ({{username}})',
    policyMet: ' (met)',
    totpInstall:
      'Install an authenticator app on your phone (Microsoft Authenticator, Google Authenticator, FreeOTP… all free), then generate the QR code.',
    totpBegin: 'Generate QR code',
    totpRegenerate: 'Generate a new QR code',
    totpScan: 'Scan this QR code with the authenticator app:',
    totpOpenApp: 'Open in the authenticator app on this phone',
    totpQrAlt: 'QR code for setting up the authenticator app',
    totpManual:
      'If scanning does not work, choose "Enter a setup key" in the app, account {{username}}, type "time based", and type this key:',
    totpSecret: 'Setup key',
    totpCode: 'The 6-digit code the app shows',
    totpCodeHelp: 'The code changes every 30 seconds. Make sure the phone clock is right.',
    totpConfirm: 'Confirm',
  },
  onboarding: {
    title: 'Account security',
    whyTitle: 'Before you start, please finish these steps',
    whyPassword:
      'Your password was set or reset by an administrator. Choose a new one that only you know, so that only you can use this account.',
    whyTotp:
      "Your account can administer the system. China's Multi-Level Protection Scheme 2.0 (level 3) requires administrators to sign in with two factors: the password you know and a code from your phone. Even if the password leaks, nobody else can use your account.",
    stepPassword: 'New password',
    stepTotp: 'Authenticator app',
    stepDone: 'Done',
    doneTitle: 'All set',
    doneTotp:
      'From now on, signing in asks for the 6-digit code of your authenticator app as well as the password.',
    donePassword: 'Sign in with your new password from now on.',
    goConsole: 'Go to the console',
  },
  users: {
    title: 'Users',
    create: 'New user',
    createTitle: 'New user',
    editTitle: 'Edit user: {{name}}',
    searchPlaceholder: 'Username or name',
    filterUnit: 'Unit',
    filterRole: 'Role',
    filterStatus: 'Status',
    empty: 'No users match',
    username: 'Username',
    usernameHelp:
      '3–50 letters, digits, dots, underscores or hyphens, starting with a letter or digit; it cannot be changed later.',
    usernameRequired: 'Enter a username',
    usernamePattern: 'Not a valid username',
    displayName: 'Name',
    displayNameRequired: 'Enter the name (at most 50 characters)',
    unit: 'Unit',
    unitRequired: 'Choose the unit',
    moveHelp:
      'Changing the unit moves the user; it is refused while they have open tasks in their current region.',
    roles: 'Roles',
    rolesRequired: 'Choose at least one role',
    roleBeyond: ' (has permissions you lack)',
    status: 'Status',
    statusActive: 'Active',
    statusDisabled: 'Disabled',
    locked: 'Locked',
    mustChangePassword: 'Must change password',
    totpOn: 'Authenticator set up',
    phone: 'Mobile phone',
    idNumber: 'Resident ID number',
    keepCurrent: 'Now: {{value}}. Leave blank to keep it.',
    actionsFor: 'Actions ({{name}})',
    actionFailed: 'Not done',
    command: {
      edit: 'Edit',
      sensitive: 'See full details',
      'reset-password': 'Reset password',
      'reset-second-factor': 'Reset authenticator',
      unlock: 'Unlock',
      disable: 'Disable',
      enable: 'Enable',
    },
    confirm: {
      disable: 'Disable the account of {{name}} ({{username}})?',
      'reset-password': 'Reset the password of {{name}} ({{username}})?',
      'reset-second-factor': 'Reset the authenticator of {{name}} ({{username}})?',
    },
    confirmHelp: {
      disable:
        'The user can no longer sign in and is signed out everywhere at once. You can enable the account again later.',
      'reset-password':
        'A one-time password is generated and shown once. The user is signed out everywhere and must change it at the next sign-in.',
      'reset-second-factor':
        'For a lost or replaced phone. The user is signed out everywhere; an administrator must set up the authenticator again after signing in.',
    },
    done: {
      disable: '{{name}} is disabled',
      enable: '{{name}} is enabled',
      'reset-second-factor': 'The authenticator of {{name}} was reset',
      unlock: '{{name}} is unlocked',
    },
    createdTitle: 'User created',
    resetTitle: 'Password reset',
    oneTimePassword: 'One-time password',
    passwordOnce:
      'This password is shown only this once and cannot be seen again after closing. Copy it now and hand it to the user over a safe channel.',
    passwordHandOver:
      'The user must change it at first sign-in. Do not send it through group chats or other open channels.',
    passwordNoted: 'I have noted the password',
    copy: 'Copy',
    copied: 'Copied',
    sensitiveTitle: 'Full personal details: {{name}}',
    sensitiveWarning:
      'Phone and ID numbers are sensitive personal information. Seeing them in full is recorded in the audit trail (who, when, from where, whose). Look only when your work requires it.',
    sensitiveConfirm: 'I understand, show them',
    sensitiveRecorded: 'This view has been recorded in the audit trail.',
  },
};

export default identityEn;
