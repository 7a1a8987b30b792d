; Inno Setup script (6.3 or later: UTF-8 without BOM): a per-user installer for the Windows build
; of Inspector (服务质量督查).
;
; Input: dist\Inspector\ made by `pyinstaller --noconfirm --clean packaging\inspector.spec` from
; the checkout (README "Windows build"). Compile from the checkout:
;
;   & "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\inspector.iss
;
; Output: dist\Inspector-0.1.0-setup.exe.
;
; Per user, no administrator: the program goes to %LOCALAPPDATA%\Programs\Inspector. The data
; (database, photos, notices) is NOT here: the app keeps it in its own data folder, which
; platformdirs puts at %LOCALAPPDATA%\Inspector (the demo beside it, %LOCALAPPDATA%\Inspector-demo).
; Uninstalling removes only the files installed below, never that data folder, and an update
; installs over the program folder without touching it.
;
; Not compiled or run on the machines this project is built on (Linux); tests/test_packaging.py
; checks that it names the spec's programs and the package's version.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; Never change AppId: it is how Windows knows an update from another program.
AppId={{6F1D7A52-3C4B-4E8A-9B1E-5A2C7D9E0F31}
AppName=Inspector 服务质量督查
AppVersion={#AppVersion}
AppVerName=Inspector {#AppVersion}
AppPublisher=Inspector
DefaultDirName={autopf}\Inspector
DefaultGroupName=Inspector
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=Inspector-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\Inspector.exe
; The app must not run while its files are replaced.
CloseApplications=yes

[Languages]
; ChineseSimplified.isl: in the compiler's Languages folder (shipped by recent Inno Setup releases;
; for an older one, put the translation there first, README "Windows build").
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole one-folder build: Inspector.exe, inspector-cli.exe and _internal\.
Source: "..\dist\Inspector\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the bundled libraries wholesale, so that none of an older build is left over.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Inspector 服务质量督查"; Filename: "{app}\Inspector.exe"
Name: "{group}\Inspector 演示数据 (demo)"; Filename: "{app}\Inspector.exe"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,Inspector}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Inspector 服务质量督查"; Filename: "{app}\Inspector.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Inspector.exe"; Description: "{cm:LaunchProgram,Inspector}"; Flags: nowait postinstall skipifsilent
