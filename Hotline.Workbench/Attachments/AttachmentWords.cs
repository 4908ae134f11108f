namespace Hotline.Workbench.Attachments;

/// <summary>The words of the upload control shared by the desks.</summary>
internal static class AttachmentWords
{
    /// <summary>Each key's words: Chinese, English.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> All { get; } = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
        ["attIntake"] = ("上传来电附件（市民发来的照片等）", "Attach the caller's files (photos and the like)"),
        ["attAnswer"] = ("上传办理证明材料（照片、文件）", "Attach evidence for the answer (photos, documents)"),
        ["attCallback"] = ("上传回访录音", "Attach the callback recording"),
        ["attInstruction"] = ("上传督办附件", "Attach files to the instruction"),
        ["attHint"] = ("每个文件不超过 {0}，一次最多 {1} 个；类型按内容识别：图片、PDF、录音、Word/Excel、文本。", "Up to {0} per file, {1} at a time; the type is read from the content: images, PDF, recordings, Word/Excel, text."),
        ["attUploading"] = ("正在上传…", "Uploading…"),
        ["attAccepted"] = ("已上传", "Attached"),
        ["attRefused"] = ("未接受的文件", "Files not accepted"),
        ["att.TooLarge"] = ("超过 {0} 上限，未保存", "larger than {0}: not kept"),
        ["att.NotAccepted"] = ("文件为空或类型不被接受（按内容识别，与扩展名无关），未保存", "empty, or a type not accepted (read from the content, not the name): not kept"),
        ["att.NotATask"] = ("不是本工单（本单位）的任务，未保存", "not a task of this case (for your unit): not kept"),
        ["att.Forbidden"] = ("您的角色不能在此上传附件", "your role does not attach files here"),
        ["att.NotFound"] = ("工单不存在或无权查看", "no such case for you"),
        ["att.TooMany"] = ("一次最多 {0} 个文件，未上传", "at most {0} files at a time: not sent"),
    };
}
