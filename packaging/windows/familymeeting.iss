; Inno Setup script: installs the one-folder bundle (packaging/dist/familymeeting) on Windows.
; Build the bundle first on Windows (`python packaging\build.py`), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\familymeeting.iss
; The installer asks "for me only" (no administrator rights, the default for a caseworker
; laptop) or "for all users" (IT departments; needs administrator rights).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C2B9C2E-4C4B-4D7E-9A53-0F4B8E2D7A11}
AppName=familymeeting
AppVersion={#AppVersion}
AppPublisher=familymeeting developers
DefaultDirName={autopf}\familymeeting
DefaultGroupName=familymeeting
DisableProgramGroupPage=yes
; Per-user install without administrator rights, or per-machine when chosen.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=familymeeting-{#AppVersion}-setup
SetupIconFile=..\build\familymeeting.ico
UninstallDisplayIcon={app}\familymeeting.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The data (familymeeting.db, keys.json, backups) lives in %LOCALAPPDATA%\familymeeting and
; is never touched by installing, upgrading or uninstalling.

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\familymeeting\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\familymeeting"; Filename: "{app}\familymeeting.exe"
Name: "{autodesktop}\familymeeting"; Filename: "{app}\familymeeting.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\familymeeting.exe"; Description: "{cm:LaunchProgram,familymeeting}"; Flags: nowait postinstall skipifsilent
