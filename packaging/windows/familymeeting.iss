; Inno Setup script (6.3 or newer): installs the one-folder bundle (packaging\dist\familymeeting).
; Build the bundle first on Windows (`python packaging\build.py`), then:
;   iscc packaging\windows\familymeeting.iss
; The version is read from the bundled familymeeting.exe (build.py writes it from the package);
; `iscc /DAppVersion=...` overrides it.
; The installer asks "for me only" (no administrator rights, the default for a caseworker
; laptop) or "for all users" (IT departments; needs administrator rights). IT can choose
; without the dialog: /CURRENTUSER or /ALLUSERS, with /VERYSILENT.

; packaging\build.py's output folder (DIST / "familymeeting"), relative to this script.
#define BundleDir "..\dist\familymeeting"
#define AppExe AddBackslash(SourcePath) + BundleDir + "\familymeeting.exe"
#if !FileExists(AppExe)
  #error Build the bundle first: python packaging\build.py (no familymeeting.exe in the bundle folder)
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error familymeeting.exe has no ProductVersion: was it built by packaging\build.py?
#endif

[Setup]
; The GUID says "this is familymeeting" to upgrades and uninstall: never change it.
AppId={{6C2B9C2E-4C4B-4D7E-9A53-0F4B8E2D7A11}
AppName=familymeeting
AppVersion={#AppVersion}
AppPublisher=familymeeting developers
; Setup's own file version (Explorer, IT inventories), from the numeric version of the exe.
VersionInfoVersion={#GetVersionNumbersString(AppExe)}
; %LOCALAPPDATA%\Programs\familymeeting for one user, Program Files\familymeeting for all.
DefaultDirName={autopf}\familymeeting
DisableProgramGroupPage=yes
; Per-user install without administrator rights, or per-machine when chosen.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 1809 or later; older Windows gets Setup's own clear message.
MinVersion=10.0.17763
OutputDir=..\dist
OutputBaseFilename=familymeeting-{#AppVersion}-setup
SetupIconFile=..\build\familymeeting.ico
UninstallDisplayIcon={app}\familymeeting.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The data (familymeeting.db, keys.json, backups, logs) lives in %LOCALAPPDATA%\familymeeting,
; apart from {app}: installing, upgrading and uninstalling never touch it. It is the
; caseworkers' case data, so there is deliberately no [UninstallDelete] for it.

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the bundle's libraries as a whole: files an older version had and this
; one has not (an older Qt's plugins) must not stay behind to be loaded. Only program files.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\familymeeting"; Filename: "{app}\familymeeting.exe"
Name: "{autodesktop}\familymeeting"; Filename: "{app}\familymeeting.exe"; Tasks: desktopicon

[Run]
; postinstall entries run as the user who started Setup, not as the administrator.
Filename: "{app}\familymeeting.exe"; Description: "{cm:LaunchProgram,familymeeting}"; Flags: nowait postinstall skipifsilent
