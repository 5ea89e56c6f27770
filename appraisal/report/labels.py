# ruff: noqa: E501  (wording data: long sentences read better unwrapped)
"""Report wording per language (data, not code, so a commission can adjust it).

Headings, field names, fixed statements and the opinion templates (REPORT_SPEC 3.6) live
here; the builder only fills placeholders. The cover and the declaration page are in the
``report_templates/*.docx`` files, where a commission edits them in Word.
"""

from __future__ import annotations

# Opinion types of the commission's tri-state (构成实质性相似 / 不构成 / 无法判断).
POSITIVE, NEGATIVE, UNDETERMINED = "positive", "negative", "undetermined"
OPINION_TYPES = (POSITIVE, NEGATIVE, UNDETERMINED)

# Words that must not appear in the opinion: legal conclusions belong to the court, and
# certainty words overstate what a similarity method can show (REPORT_SPEC 3.6, pitfall 6).
FORBIDDEN_PHRASES: tuple[tuple[str, str], ...] = (
    ("构成侵权", "legal conclusion"), ("侵权", "legal conclusion"), ("侵犯著作权", "legal conclusion"),
    ("抄袭", "legal conclusion"), ("剽窃", "legal conclusion"), ("盗版", "legal conclusion"),
    ("infring", "legal conclusion"), ("plagiar", "legal conclusion"), ("pirat", "legal conclusion"),
    ("100%", "overstated certainty"), ("100 %", "overstated certainty"), ("百分之百", "overstated certainty"),
    ("绝对", "overstated certainty"), ("肯定", "overstated certainty"), ("毫无疑问", "overstated certainty"),
    ("certainly", "overstated certainty"), ("beyond doubt", "overstated certainty"),
    ("beyond any doubt", "overstated certainty"), ("absolutely", "overstated certainty"),
)

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "doc_type": "司法鉴定意见书",
        "doc_type_inspection": "检验报告书",
        "default_title": "软件及作品相似性鉴定",
        "title_format": "{institution}{matter}{doc_type}",
        "draft_banner": "【草稿】本文书未通过出具前校验，不得作为鉴定文书使用：{reasons}",
        "colon": "：",
        "list_sep": "；",
        "none": "无",
        "not_measured": "未测",
        # 一、基本情况
        "basic": "一、基本情况",
        "client": "委托人",
        "matters": "委托鉴定事项",
        "received": "受理日期",
        "materials": "鉴定材料",
        "period": "鉴定日期",
        "place": "鉴定地点",
        "present": "在场人员",
        "examinee": "被鉴定人",
        "see_table": "见表{n}及附件1",
        "materials_table": "表{n} 鉴定材料",
        "cols_materials": "编号|名称|类型|来源|接收时间|文件数|字节数|SHA-256|复核",
        "verified": "✓ {time}",
        "failed": "✗ {time}",
        # 二、基本案情
        "summary": "二、基本案情",
        "summary_note": "以下为委托人陈述的案情，仅作为鉴定背景，不属于本鉴定的检验结果：",
        "summary_missing": "委托人未提供案情陈述。",
        # 三、资料摘要
        "digest": "三、资料摘要",
        "digest_line": "{id}：{label}（{kind}），{files} 个文件、{size} 字节；来源：{source}；接收时间 {received}。",
        "digest_base": "{id}：{label}，系鉴定人用于过滤公有/第三方内容的参考资料；来源：{source}。",
        "digest_refs": "鉴定人另参考了以下资料：",
        "digest_none": "除上述检材、样本及参考资料外，鉴定人未依据其他资料。",
        # 四、鉴定过程
        "process": "四、鉴定过程",
        "handling": "（一）检材处理",
        "handling_text": ("鉴定材料在受理时逐一复制至案件目录 materials/，对每个文件计算 SHA-256 哈希值并记录文件数与字节数"
                          "（容器类材料另记录逐文件清单，见附件1），随后将副本设为只读；比对工具仅读取上述副本。"
                          "出具本文书前（复核时间 {time}）重新计算全部哈希值，均与受理记录一致；审计日志哈希链共 {n} 条记录，"
                          "校验通过（末条哈希 {head}）。"),
        "steps": "（二）鉴定步骤",
        "steps_list": ("受理并固定鉴定材料，计算哈希值；|对照样本与检材建立文件对应关系（相同文件按哈希值、相似文件按特征签名）；"
                       "|过滤声明的公有/第三方资料及已知文件；|逐对比对并生成比对结果（发现项编号 F-<类型>-<序号>）；"
                       "|鉴定人逐项审查发现项，作出采纳、不采纳或排除为公有/通用内容的决定并说明理由；"
                       "|统计过滤前后的相同或相似比例，形成分析说明与鉴定意见。"),
        "methods": "（三）技术方法及工具",
        "methods_text": ("比对采用本鉴定所使用的相似性比对工具。源代码经词法/语法分析后规范化（标识符、字面量、类型、"
                         "循环与条件结构），以 k-gram 指纹检索候选并逐行对齐；文本作品按句子对齐并识别改写、繁简转换与摘要式复制。"),
        "methods_text_labels": ("文本发现项按对齐片段实测的编辑特征定类，依次判断：两侧经繁简转换的汉字比例相差不小于 {script_min_diff} 为"
                                "繁简转换；4-gram 重合率与长度比均不小于 {verbatim_min} 为逐字相同；以摘要模式对齐或长度比低于参数 "
                                "summary_ratio 为摘要式复制；句序逆序比例高于 {reorder_min_inversions}（或有逆序且 4-gram 重合率不小于 "
                                "{reorder_intact_overlap}）为顺序调整；逐词替换比例不小于 {synonym_min_substituted}、增删不超过替换的 "
                                "{synonym_max_indel_share} 倍且长度比不小于 {synonym_min_ratio} 为同义替换；其余 4-gram 重合率不小于 "
                                "{light_min_overlap} 为轻度改写，否则为较大改写。一个发现项中连续未被复制的句子不超过参数 max_uncopied 句，"
                                "分别复制的段落分列为不同发现项；成语、习用语只排除其本身的字符并逐条列明。"),
        "methods_image": ("图像作品的比对：在亮度通道及不受色相变化影响的 HSV 明度通道上分别提取 SIFT 局部特征（原图与镜像各一组），"
                          "经比值检验筛选候选匹配，以 MAGSAC++ 估计单应矩阵（透视变换），无法估计时改用相似变换或仿射变换；"
                          "在映射后的重叠范围内按块计算归一化互相关，定位相同或相似的区域并统计区域内一致的纹理块；"
                          "候选图像对以感知哈希检索；得分由逻辑函数计算，其参数在本项目的图像基准数据集上校准。"
                          "面积比例为区域面积乘以区域内一致纹理块的比例，分别以样本、检材图像的像素面积为分母。"),
        "methods_tools": "工具、版本、参数及验证结果见表{n}。",
        "baseline_text": ("相似度以独立实现之间的预期相似为基准：源代码按四个通道比对——原样词元（标识符与字面量保持原文）、"
                          "抽象标识符与字面量后的结构、完全规范化的结构、原样文本（空白合并后的字符{gram}元组杰卡德相似度）——"
                          "取其最强者；小于{small}个词元的程序，同一任务的"
                          "独立实现往往规范化后结构相同，故规范化结构按规模折减，抽象后结构改按匹配片段的连续程度计分（复制品为少数长片段，"
                          "独立实现只共有零散短片段），评分主要依据原样词元、标识符、字面量、注释与排版。"
                          "共有的注释、字面量、标识符等佐证按其罕见程度及其占较小文件全部佐证的比例计分（同一领域的两个独立"
                          "大文件只共有其名称中的少数，复制品共有其大部分）。公共内容的频率按近似重复文件组计数（同一作品的多份复制只计一次）。公共内容参照库：{corpus}。"),
        "baseline_none": "未声明公共内容参照库，未按公共内容过滤",
        "tools_table": "表{n} 鉴定工具、参数及验证",
        "cols_tools": "工具|版本|用途|参数|验证",
        "environment": "运行环境：{env}。随机种子：{seeds}。",
        "rerun_done": "比对已于 {time} 在独立目录中从检材重新计算，结果与存档比对结果逐字节一致。",
        "rerun_none": "本案比对结果未经独立重算（可运行 appraisal case rerun 复核）。",
        "validation_cell": ("{dataset}；{pairs} 对；{metrics}；工作点：{operating_point}；测定日期 {measured}；"
                            "详见附件{attachment}"),
        "standards": "（四）技术标准和技术规范",
        "standards_line": "{code}《{title}》{extra}",
        "standards_supersedes": "（代替 {code}）",
        "filtration": "（五）过滤（去除公有及第三方内容）",
        "filtration_text": ("依照 SF/T 0158-2023 及通行做法，比对前后将下列内容排除在统计之外；表{n}列明排除项、理由、证据及"
                            "对两侧的影响。"),
        "filtration_table": "表{n} 过滤记录",
        "cols_filtration": "排除项|理由|证据|影响",
        "filtration_none": "本案未排除任何内容。",
        "effect_lines": "样本 {a} 行，检材 {b} 行",
        "effect_pixels": "样本 {a} 像素（占样本图像 {pct_a}%），检材 {b} 像素（占检材图像 {pct_b}%）",
        "effect_seconds": "样本 {a} 秒（占样本录音 {pct_a}%），检材 {b} 秒（占检材录音 {pct_b}%）",
        "reason_named": "{reason}：{name}",
        "reason_declared base material": "声明的公有/参考资料（基础资料）",
        "reason_known file": "已知第三方文件",
        "exclusion_expert": "鉴定人排除为公有或通用：{category}；{reason}",
        "results": "（六）检验结果",
        "results_table": "表{n} 比对结果汇总（过滤前/过滤后）",
        "cols_results": ("比对对象|比对文件|相同文件|相似文件|样本可比行数|检材可比行数|相同或相似行（样本侧）|"
                         "相同或相似行（检材侧）|占样本比例|占检材比例|方法得分"),
        "results_table_pixels": "表{n} 图像比对结果汇总（过滤前/过滤后，按像素面积计）",
        "cols_results_pixels": ("比对对象|区域数|样本图像面积（像素）|检材图像面积（像素）|"
                                "相同或相似面积（样本侧，像素）|相同或相似面积（检材侧，像素）|占样本图像面积比例|"
                                "占检材图像面积比例|方法得分"),
        "before": "过滤前",
        "after": "过滤后",
        "findings_table": "表{n} 发现项及鉴定人决定",
        "cols_findings": "发现项|类型|样本位置|检材位置|得分|决定|展示",
        "package_line": ("{a} 与 {b}：相同文件 {identical} 个，相似文件 {similar} 个，仅样本有 {only_a} 个，"
                         "仅检材有 {only_b} 个，经过滤排除 {excluded} 个。"),
        # 五、分析说明
        "analysis": "五、分析说明",
        "analysis_intro": "鉴定人对每一发现项均进行了人工审查。下列发现项被采纳并计入统计（展示见所注附件，{where}）：",
        "analysis_where_lines": "文本与代码的位置以“文件：起止行”表示",
        "analysis_where_pixels": "图像的位置以原图像素坐标 (x, y) 围成的区域表示",
        "analysis_where_seconds": "录音的位置以“文件：起止时间（秒）”表示",
        "analysis_where_join": "；",
        "analysis_finding": "{id}（{category}，得分 {score}）：样本 {a} 与检材 {b}。{note}见{exhibit}。",
        "analysis_pending": "（尚未经鉴定人审查，按采纳计入）",
        "analysis_rejected": "下列发现项经审查不予采纳，不计入统计：",
        "analysis_excluded": "下列发现项经审查排除为公有或通用内容，不计入统计，并从可比内容中扣除：",
        "analysis_decision": "{id}：{a} ↔ {b}；{decision}；理由：{reason}",
        "analysis_none": "无。",
        "limits": "方法局限",
        "limits_text": ("比对结果反映的是检材与样本在表达层面的相同或相似程度，不涉及思想、功能或算法本身的相似；"
                        "工具的验证误差见表{n}及附件{attachment}；得分不是概率，不存在以某一比例认定实质性相似的统一标准，"
                        "本意见的结论依据的是上述经审查的具体内容及其数量。"),
        "alternatives": "其他可能的解释",
        "alternatives_text": ("鉴定人考虑了相同或相似内容来自共同来源（开源代码、公有资料、第三方库）、功能或行业标准决定的"
                              "表达、以及通用表达的可能性；对此类内容已按过滤记录（表{n}）排除或在上文说明。"),
        "unreviewed_note": "注：本文书出具时尚有 {n} 项发现未经鉴定人审查，已按采纳计入统计（出具时使用了 --allow-unreviewed）。",
        # 六、鉴定意见
        "opinion": "六、鉴定意见",
        "opinion_positive": ("检材{b}与样本{a}的{subject}（经过滤后）存在相同或实质性相似的内容，其中相同或实质性相似的文件"
                             "{files}个、{unit}{lines_a}行，占样本可比{unit}{den_a}行的{pct_a}%；对应检材{lines_b}行，"
                             "占检材可比{unit}{den_b}行的{pct_b}%。"),
        "opinion_negative": ("经对检材{b}与样本{a}的{subject}（经过滤后，样本可比{unit}{den_a}行、检材可比{unit}{den_b}行）"
                             "进行比对，未发现相同或实质性相似的内容。"),
        "opinion_undetermined": "对检材{b}与样本{a}的{subject}是否存在相同或实质性相似，无法作出鉴定意见，理由：{reason}",
        "opinion_unconfirmed": "【待鉴定人确认：case.toml 未载明本项意见，以下为按已采纳发现项生成的建议】",
        "subject": "源代码及文本",
        "unit": "代码及文本",
        "opinion_positive_pixels": ("检材{b}与样本{a}的{subject}（经过滤后）存在相同或实质性相似的内容，其中相同或实质性相似的"
                                    "区域{regions}处、面积{num_a}像素，占样本图像面积{den_a}像素的{pct_a}%；对应检材{num_b}像素，"
                                    "占检材图像面积{den_b}像素的{pct_b}%。"),
        "opinion_negative_pixels": ("经对检材{b}与样本{a}的{subject}（经过滤后，样本图像面积{den_a}像素、检材图像面积{den_b}像素）"
                                    "进行比对，未发现相同或实质性相似的内容。"),
        "subject_pixels": "图像",
        "results_table_seconds": "表{n} 录音比对结果汇总（过滤前/过滤后，按时长计）",
        "cols_results_seconds": ("比对对象|片段数|样本录音时长（秒）|检材录音时长（秒）|"
                                 "相同或相似时长（样本侧，秒）|相同或相似时长（检材侧，秒）|占样本时长比例|"
                                 "占检材时长比例|方法得分"),
        "opinion_positive_seconds": ("检材{b}与样本{a}的{subject}（经过滤后）存在相同或实质性相似的内容，其中相同或实质性相似的"
                                     "片段{regions}段、时长{num_a}秒，占样本可比时长{den_a}秒的{pct_a}%；对应检材{num_b}秒，"
                                     "占检材可比时长{den_b}秒的{pct_b}%。"),
        "opinion_negative_seconds": ("经对检材{b}与样本{a}的{subject}（经过滤后，样本可比时长{den_a}秒、检材可比时长{den_b}秒）"
                                     "进行比对，未发现相同或实质性相似的内容。"),
        "effect_bytes": "样本 {a} 字节（占样本函数代码 {pct_a}%），检材 {b} 字节（占检材函数代码 {pct_b}%）",
        "analysis_where_bytes": "目标程序的位置以“文件：函数@起止地址”表示",
        "results_table_bytes": "表{n} 目标程序比对结果汇总（过滤前/过滤后，按函数代码字节计）",
        "cols_results_bytes": ("比对对象|函数对数|样本函数代码（字节）|检材函数代码（字节）|相同或相似代码（样本侧，字节）|"
                               "相同或相似代码（检材侧，字节）|占样本比例|占检材比例|方法得分"),
        "opinion_positive_bytes": ("检材{b}与样本{a}的{subject}（经过滤后）存在相同或实质性相似的内容，其中相同或实质性相似的"
                                   "函数{regions}个、代码{num_a}字节，占样本函数代码{den_a}字节的{pct_a}%；对应检材{num_b}字节，"
                                   "占检材函数代码{den_b}字节的{pct_b}%。"),
        "opinion_negative_bytes": ("经对检材{b}与样本{a}的{subject}（经过滤后，样本函数代码{den_a}字节、检材函数代码{den_b}字节）"
                                   "进行比对，未发现相同或实质性相似的内容。"),
        "subject_bytes": "目标程序",
        "functions_text": "{n}个",
        "methods_binary": ("目标程序的比对：以 LIEF 解析 ELF、PE、Mach-O 文件，以 capstone 反汇编代码节；函数由符号、异常表、"
                           "函数起始表及调用目标确定；每一函数的指令规范化为助记符与操作数类别，取三元组的 MinHash 特征，"
                           "并结合其引用的字符串、调用的导入函数与常量计算相似度，按相似度一一对应后沿调用关系传播；"
                           "字符串、常量、导入函数与 TLSH 另作独立通道。编译器运行时与启动代码、声明的基础资料不计入。"
                           "外挂特征以可扩展的 YARA 规则及导入、调用位置、系统调用位置判定，每一特征均列明位置，作为发现项由鉴定人审查。"),
        "binary_function": "函数",
        "binary_range": "地址范围",
        "binary_range_value": "{lo}–{hi}（{n} 字节）",
        "binary_instructions": "指令数 / 基本块数",
        "binary_similarity": "相似度",
        "binary_similarity_value": "{s}（{via}）",
        "binary_via_signature": "按指令特征对应",
        "binary_via_name": "按相同函数名对应",
        "binary_via_call graph": "经调用关系传播对应",
        "binary_shared_imports": "共同调用的导入函数",
        "binary_shared_strings": "共同引用的字符串",
        "binary_shared_constants": "共同的常量",
        "binary_rule": "规则",
        "binary_evidence": "证据位置",
        "subject_seconds": "录音及音乐作品",
        "segments_text": "{n}段",
        "regions_text": "{n}处",
        "subject_join": "、",
        "clause_sep": "",
        "dissent": "鉴定人{name}对第{k}项意见持不同意见，理由：{reason}",
        # 落款
        "expert_line": "司法鉴定人：{name}    《司法鉴定人执业证》证号：{licence}",
        "signature": "（签名）________________",
        "seal": "{institution}（司法鉴定专用章）",
        "date_format": "{y}年{m}月{d}日",
        # 七、附件
        "attachments": "七、附件",
        "att_materials": "鉴定材料清单及逐文件哈希值",
        "att_detail": "比对结果明细（全部发现项，及 findings.json 的 SHA-256）",
        "att_exhibits": "发现项展示（样本与检材对照摘录，共 {n} 项）",
        "att_validation": "工具验证摘要",
        "att_audit": "审计日志摘录及出具清单哈希",
        "att_licences": "鉴定人执业证及鉴定机构许可证复印件",
        "att_heading": "附件{k} {title}",
        "manifest_table": "附件1-{m} {id} 逐文件清单",
        "cols_manifest": "相对路径|字节数|SHA-256",
        "detail_file": "findings.json SHA-256:{sha}",
        "cols_detail": "发现项|类型|得分|样本位置|检材位置|决定",
        "exhibit_caption": "附件{k}-{m} 发现项 {id}（{category}，得分 {score}）",
        "exhibit_side_a": "样本 {id}",
        "exhibit_side_b": "检材 {id}",
        "exhibit_truncated": "（仅展示前 {n} 行，完整内容见原文件）",
        "exhibit_cite": "段落：{cite}；字符偏移 {start}–{end}",
        "cols_region": "侧|文件|区域",
        # image exhibits (附件3): the picture, its legend and the region table
        # audio exhibits (附件3): both recordings, the aligned segment and its figures
        "methods_audio": ("录音与音乐作品的比对：录音统一转为单声道并重采样至 11025 Hz；在对数频率谱上取显著峰值，"
                          "以三个峰值的频率差与时间比构成指纹（变调、变速后保持不变），按音高偏移、时间因子与时间偏移投票得到对齐片段；"
                          "音乐作品以节拍同步的色度特征比对，经最优移调（OTI）后以 Qmax 局部对齐寻找相同的乐段；"
                          "静音、噪声类声音（掌声、环境声）、片内重复的循环与声明的基础资料不计入。"
                          "得分由逻辑函数计算，其参数在本项目音频基准数据集的调参部分上拟合（benchmarks/audio），"
                          "并在另一部分上测定误差。"),
        "audio_legend": ("上：样本（A）；中：检材（B）（横轴为秒，灰色为波形包络，彩色为对应片段，同一编号为对应关系{excluded}）；"
                         "下左：对齐路径（横轴为样本时间，纵轴为检材时间，标注“×时间因子 音高变化（半音）”）；下右：各片段的"
                         "得分及两侧起止时间。{chroma}编号 1 即发现项 {id}。"),
        "audio_legend_chroma": "最下：两段对应乐段的色度图（纵轴为音级 C–B），检材已按所标半音数移至样本的调。",
        "audio_legend_excluded": "；斜线阴影为不计入的部分",
        "audio_unreadable": "（音频无法显示：{files}不可读取、无法解码或与受理记录的哈希值不符；以下仅列出片段数据。）",
        "audio_segment": "片段",
        "audio_segment_value": "{start}–{end} 秒（时长 {dur} 秒）",
        "audio_duration": "全长 {dur} 秒",
        "audio_question": "比对问题",
        "audio_question_recording": "录音是否复制（含节选、采样、变速、变调）",
        "audio_question_work": "是否同一音乐作品（另一演绎、移调、变速）",
        "audio_factor": "时间因子",
        "audio_factor_value": "{f}（检材每秒对应样本 {inv} 秒）",
        "audio_pitch": "音高变化",
        "audio_pitch_value": "{st} 个半音",
        "audio_hits": "一致的指纹",
        "audio_hits_value": "{n} 个，占样本该片段指纹的 {pct}%",
        "audio_qmax": "乐段对齐",
        "audio_qmax_value": "Qmax {q}，路径上一致的节拍比例 {pct}%",
        "image_legend": ("左：样本；中：检材；右：样本上的差异图（绿色为一致，红色为不同）。两侧同一编号的框为对应区域，"
                         "编号 1 即发现项 {id}；检材上的红色斜线为区域内的改动部分{excluded}。坐标为原图像素（已按 EXIF 方向校正）。"),
        "image_legend_excluded": "；灰色框为声明的基础资料（已排除）",
        "image_unreadable": "（图像无法显示：{files}不可读取、无法解码或与受理记录的哈希值不符；以下仅列出区域数据。）",
        "image_files_sep": "、",
        "image_item": "项目",
        "image_file": "文件",
        "image_size": "{w}×{h} 像素",
        "image_frame": "，第 {n} 帧",
        "image_region": "区域范围（像素）",
        "image_region_value": "x {x0}–{x1}，y {y0}–{y1}（宽 {w}，高 {h}）",
        "image_vertices": "区域顶点（x，y）",
        "image_share": "面积占比",
        "image_share_a": "样本中与检材对应的部分占样本图像的 {pct}%（{num}/{den} 像素）",
        "image_share_b": "检材中与样本对应的部分占检材图像的 {pct}%（{num}/{den} 像素）",
        "image_changed": "改动区域",
        "image_changed_value": "{n} 处：{regions}",
        "image_changed_sep": "；",
        "image_reproduced": "区域内一致",
        "image_reproduced_value": "区域内 {pct}% 的纹理块一致（{num}/{den}）",
        "image_inliers": "特征匹配",
        "image_inliers_value": "几何一致的特征匹配点 {n} 个（候选匹配 {t} 个）",
        "image_method": "几何模型",
        "image_method_value": "{method}，{channel}",
        "image_methods": "homography=透视变换（单应矩阵）|similarity=相似变换|affine=仿射变换",
        "image_channels": "luma=亮度通道特征|value=HSV 明度通道特征",
        "image_mirrored": "镜像",
        "yes": "是",
        "no": "否",
        "cols_validation": "比对器|数据集|对数|指标|工作点|测定日期|出处",
        "audit_text": "审计日志共 {n} 条，哈希链校验通过；以下为最近 {k} 条记录。",
        "cols_audit": "序号|时间（UTC）|操作人|操作|对象|哈希（前16位）",
        "manifest_hash": "出具输入清单（reports/manifest-v{v}.json 的 inputs 部分）SHA-256:{sha}",
        "licence_placeholder": "（此处附鉴定人执业证及鉴定机构司法鉴定许可证复印件）",
        "audit_pin_text": ("审计日志锚定：本文书出具时审计日志共 {n} 条记录，末条为第 {seq} 条，其 SHA-256 哈希值见下行。"
                           "运行 appraisal case verify <案件目录> --against <本文书> 可核验该条记录仍在日志中且未被改动、"
                           "其前的哈希链完好，即本文书出具后审计日志未被截断或改写。"),
        # 附注
        "notes": "附注",
        "notes_text": ("1. 编号：YB = 样本（权利人一方提供的比对对象），JC = 检材（被比对的对象），ZL = 其他资料。"
                       "|2. 发现项编号 F-<类型>-<序号> 在比对结果、鉴定人审查记录和本文书中一致。"
                       "|3. 使用本鉴定文书应当保持其完整性和严肃性。"),
        "kinds": "package=软件包/目录|code=源代码|text=文本|image=图像|audio=音频|binary=目标程序",
        "category_names": ("identical-file=相同文件|renamed=标识符更名|reordered=顺序调整|identical=相同|"
                           "string-literal=相同字符串|comment=相同注释|identical-text=相同文本|lightly-edited=轻度改写|"
                           "script-converted=繁简转换|summary=摘要式复制|summarised=摘要式复制|verbatim=逐字相同|"
                           "heavily-edited=较大改写|synonym-substituted=同义替换|"
                           "reproduced=图像区域相同|reproduced with changes=图像区域相同（有改动）|partly matching=图像部分相同|"
                           "reproduced (mirrored)=图像区域相同（镜像）|"
                           "reproduced with changes (mirrored)=图像区域相同（有改动，镜像）|"
                           "partly matching (mirrored)=图像部分相同（镜像）|"
                           "recording reproduced=录音相同|recording reproduced (speed or pitch changed)=录音相同（变速或变调）|"
                           "same musical work (another performance)=同一音乐作品（另一演绎）|"
                           "matched function=函数对应|matched function (by name)=函数对应（同名）|"
                           "matched function (via call graph)=函数对应（经调用关系）|shared string=相同字符串|"
                           "plug-in indicator: memory_read=外挂特征：读取其他进程内存|"
                           "plug-in indicator: memory_write=外挂特征：写入其他进程内存|"
                           "plug-in indicator: code_injection=外挂特征：代码注入|plug-in indicator: hooking=外挂特征：函数挂钩|"
                           "plug-in indicator: speed_hack=外挂特征：加速（时间函数篡改）|"
                           "plug-in indicator: packet_forge=外挂特征：伪造或篡改游戏数据包|"
                           "plug-in indicator: anti_protection=外挂特征：规避保护"),
        "exclusion_categories": ("open-source=开源代码|public-domain=公有领域|third-party-library=第三方库|"
                                 "generated=自动生成代码|boilerplate=样板代码|functional-necessity=功能必需|"
                                 "industry-standard=行业标准|common-expression=通用表达"),
    },
    "en": {
        "doc_type": "Appraisal Opinion",
        "doc_type_inspection": "Inspection Report",
        "default_title": "Similarity Appraisal",
        "title_format": "{institution} {matter} {doc_type}",
        "draft_banner": "[DRAFT] This document failed the pre-issue checks and must not be used as an appraisal opinion: {reasons}",
        "colon": ": ",
        "list_sep": "; ",
        "none": "none",
        "not_measured": "not measured",
        "basic": "1. Basic information",
        "client": "Client",
        "matters": "Matters entrusted",
        "received": "Date accepted",
        "materials": "Materials",
        "period": "Examination period",
        "place": "Place",
        "present": "Persons present",
        "examinee": "Person examined",
        "see_table": "see Table {n} and Attachment 1",
        "materials_table": "Table {n} Materials",
        "cols_materials": "ID|Name|Type|Source|Received|Files|Bytes|SHA-256|Verified",
        "verified": "✓ {time}",
        "failed": "✗ {time}",
        "summary": "2. Case summary",
        "summary_note": "The following is the client's account of the case, given as background only; it is not a finding of this appraisal:",
        "summary_missing": "The client gave no account of the case.",
        "digest": "3. Summary of materials",
        "digest_line": "{id}: {label} ({kind}), {files} files, {size} bytes; source: {source}; received {received}.",
        "digest_base": "{id}: {label}, reference material used to filter public/third-party content; source: {source}.",
        "digest_refs": "The experts also relied on:",
        "digest_none": "The experts relied on no material other than the items above.",
        "process": "4. Examination process",
        "handling": "(a) Handling of materials",
        "handling_text": ("Each material was copied into the case folder materials/ at intake; every file was hashed (SHA-256) "
                          "and its file count and size recorded (containers with a per-file manifest, see Attachment 1), and "
                          "the copies were made read-only; the comparison tools read only these copies. Before this document "
                          "was issued (re-verified {time}) all hashes were recomputed and matched the intake records; the audit "
                          "hash chain of {n} entries verified (last hash {head})."),
        "steps": "(b) Steps",
        "steps_list": ("Intake and fixing of the materials, hashing;|File correspondence between reference and questioned "
                       "material (identical by hash, similar by signature);|Filtration of declared public/third-party "
                       "material and known files;|Pairwise comparison producing findings F-<kind>-<seq>;|Expert review of "
                       "every finding: accepted, not accepted, or excluded as public/common, with reasons;|Ratios before "
                       "and after filtration, analysis and opinion."),
        "methods": "(c) Methods and tools",
        "methods_text": ("Source code is parsed and normalised (identifiers, literals, types, loops and conditionals), candidate "
                         "regions are retrieved by k-gram fingerprints and aligned line by line; text works are aligned by "
                         "sentence, detecting paraphrase, script conversion and summary copying."),
        "methods_text_labels": ("Each text finding is labelled from measured edit properties of its aligned spans, in this order: "
                                "script-converted when the shares of characters converted between traditional and simplified "
                                "script differ by at least {script_min_diff}; verbatim when the 4-gram overlap and the length ratio "
                                "both reach {verbatim_min}; summarised when found in summary mode or the length ratio is under the "
                                "parameter summary_ratio; reordered when more than {reorder_min_inversions} of consecutive "
                                "sentence pairs go backwards (or any do with a 4-gram overlap of at least "
                                "{reorder_intact_overlap}); synonym-substituted when at least {synonym_min_substituted} of the "
                                "words are exchanged one for one, insertions and deletions stay within {synonym_max_indel_share} "
                                "of the substitutions and the length ratio reaches {synonym_min_ratio}; otherwise lightly edited "
                                "with a 4-gram overlap of at least {light_min_overlap}, else heavily edited. A finding never spans "
                                "more consecutive uncopied sentences than the parameter max_uncopied, so separately copied "
                                "passages are separate findings; an idiom or stock phrase is excluded by its own characters "
                                "only, each listed."),
        "methods_image": ("Images: SIFT local features are extracted on the luma channel and on the hue-invariant HSV value "
                          "channel, each for the image as given and mirrored; tentative matches pass Lowe's ratio test and a "
                          "homography is fitted with MAGSAC++, falling back to a similarity or affine transform; inside the "
                          "mapped overlap the copied region is localised by block-wise normalised cross-correlation, which "
                          "also counts the textured blocks that agree; candidate image pairs are retrieved by perceptual "
                          "hashes; the score is a logistic function calibrated on the project's image benchmark. An area "
                          "share is the region's area times the share of agreeing blocks, over the image area in pixels of "
                          "each side."),
        "methods_tools": " Tools, versions, parameters and validation are listed in Table {n}.",
        "baseline_text": ("Similarity is measured against what independent implementations share: source code is compared "
                          "in four channels, exact tokens (identifiers and literals as written), the structure with "
                          "identifiers and literals abstracted, the fully normalised structure, and the text as written "
                          "(Jaccard similarity of character {gram}-grams, whitespace collapsed), and the strongest "
                          "counts; below {small} tokens independent implementations of one task tend to share the same "
                          "normalised structure, so that channel is discounted by size, the abstracted structure counts "
                          "how contiguous its matches are (a copy is a few long runs, independent solutions share "
                          "scattered short ones), and the score rests on exact tokens, identifiers, literals, comments and layout. Shared comments, "
                          "literals and identifiers count by their rarity and by the share of the smaller file's such "
                          "items that is shared (two large independent files of one domain share a few of their names, a "
                          "copy most of them). How common a fragment is, is counted over "
                          "groups of near-duplicate files (copies of one work count once). Commonplace reference "
                          "corpus: {corpus}."),
        "baseline_none": "none declared; nothing was filtered as commonplace",
        "tools_table": "Table {n} Tools, parameters and validation",
        "cols_tools": "Tool|Version|Purpose|Parameters|Validation",
        "environment": "Environment: {env}. Random seeds: {seeds}.",
        "rerun_done": "On {time} the comparison was recomputed from the materials in a clean folder and matched the stored findings byte for byte.",
        "rerun_none": "The findings were not independently recomputed (appraisal case rerun checks them).",
        "validation_cell": ("{dataset}; {pairs} pairs; {metrics}; operating point: {operating_point}; measured "
                            "{measured}; see Attachment {attachment}"),
        "standards": "(d) Technical standards",
        "standards_line": "{code} {title}{extra}",
        "standards_supersedes": " (supersedes {code})",
        "filtration": "(e) Filtration (public and third-party content removed)",
        "filtration_text": "The items in Table {n} were excluded from the statistics, with reason, evidence and effect on each side.",
        "filtration_table": "Table {n} Filtration ledger",
        "cols_filtration": "Excluded item|Reason|Evidence|Effect",
        "filtration_none": "Nothing was excluded in this case.",
        "effect_lines": "reference {a} lines, questioned {b} lines",
        "effect_pixels": "reference {a} px ({pct_a}% of the image), questioned {b} px ({pct_b}% of the image)",
        "effect_seconds": "reference {a} s ({pct_a}% of the recording), questioned {b} s ({pct_b}% of the recording)",
        "reason_named": "{reason}: {name}",
        "reason_declared base material": "declared public/reference (base) material",
        "reason_known file": "known third-party file",
        "exclusion_expert": "excluded by the expert as public or common: {category}; {reason}",
        "results": "(f) Results",
        "results_table": "Table {n} Results per pair (before / after filtration)",
        "cols_results": ("Pair|Files compared|Identical files|Similar files|Ref. comparable lines|Quest. comparable lines|"
                         "Matching lines (ref.)|Matching lines (quest.)|Share of ref.|Share of quest.|Score"),
        "results_table_pixels": "Table {n} Image results per pair (before / after filtration, by area in pixels)",
        "cols_results_pixels": ("Pair|Regions|Ref. image area (px)|Quest. image area (px)|"
                                "Matching area (ref., px)|Matching area (quest., px)|Share of ref. image|"
                                "Share of quest. image|Score"),
        "before": "before filtration",
        "after": "after filtration",
        "findings_table": "Table {n} Findings and the expert's decisions",
        "cols_findings": "Finding|Category|Reference|Questioned|Score|Decision|Exhibit",
        "package_line": ("{a} vs {b}: {identical} identical files, {similar} similar files, {only_a} only in the reference, "
                         "{only_b} only in the questioned material, {excluded} excluded by filtration."),
        "analysis": "5. Analysis",
        "analysis_intro": ("Every finding was reviewed by the experts. The following findings were accepted and "
                           "counted (exhibits as noted; {where}):"),
        "analysis_where_lines": "locations of text and code as file:lines",
        "analysis_where_pixels": "locations in images as regions in the original's pixel coordinates (x, y)",
        "analysis_where_seconds": "locations in recordings as file:start-end in seconds",
        "analysis_where_join": "; ",
        "analysis_finding": "{id} ({category}, score {score}): reference {a} and questioned {b}. {note}See {exhibit}.",
        "analysis_pending": "(not yet reviewed; counted as accepted) ",
        "analysis_rejected": "The following findings were not accepted and are not counted:",
        "analysis_excluded": "The following findings were excluded as public or common and removed from the comparable content:",
        "analysis_decision": "{id}: {a} ↔ {b}; {decision}; reason: {reason}",
        "analysis_none": "None.",
        "limits": "Limits of the method",
        "limits_text": ("The results measure identity or similarity of expression between the questioned and the reference "
                        "material, not of ideas, functions or algorithms; the tools' measured error rates are in Table {n} "
                        "and Attachment {attachment}; a score is not a probability and no percentage threshold decides "
                        "substantial similarity; the opinion rests on the reviewed findings and their extent."),
        "alternatives": "Alternative explanations considered",
        "alternatives_text": ("The experts considered common sources (open-source code, public material, third-party "
                              "libraries), expression dictated by function or industry standards, and common expressions; "
                              "such content was excluded per the filtration ledger (Table {n}) or is discussed above."),
        "unreviewed_note": "Note: {n} findings had not been reviewed when this document was issued; they were counted as accepted (issued with --allow-unreviewed).",
        "opinion": "6. Opinion",
        "opinion_positive": ("The {subject} of questioned item {b} and reference item {a} (after filtration) contain identical "
                             "or substantially similar content: {files} files and {lines_a} {unit} lines, {pct_a}% of the "
                             "reference's {den_a} comparable lines; on the questioned side {lines_b} lines, {pct_b}% of its "
                             "{den_b} comparable lines."),
        "opinion_negative": ("The {subject} of questioned item {b} and reference item {a} were compared (after filtration, "
                             "{den_a} comparable lines in the reference, {den_b} in the questioned item); no identical or "
                             "substantially similar content was found."),
        "opinion_undetermined": ("No opinion can be given on whether the {subject} of questioned item {b} and reference item "
                                 "{a} are identical or substantially similar, because: {reason}"),
        "opinion_unconfirmed": "[TO BE CONFIRMED BY THE EXPERT: case.toml states no opinion for this matter; suggestion derived from accepted findings]",
        "subject": "source code and text",
        "unit": "code and text",
        "opinion_positive_pixels": ("The {subject} of questioned item {b} and reference item {a} (after filtration) contain "
                                    "identical or substantially similar content: {regions_text} with an area of {num_a} "
                                    "pixels, {pct_a}% of the reference image area of {den_a} pixels; on the questioned side "
                                    "{num_b} pixels, {pct_b}% of its image area of {den_b} pixels."),
        "opinion_negative_pixels": ("The {subject} of questioned item {b} and reference item {a} were compared (after "
                                    "filtration, a reference image area of {den_a} pixels and a questioned image area of "
                                    "{den_b} pixels); no identical or substantially similar content was found."),
        "subject_pixels": "images",
        "results_table_seconds": "Table {n} Audio results per pair (before / after filtration, by duration)",
        "cols_results_seconds": ("Pair|Segments|Ref. length (s)|Quest. length (s)|Matching duration (ref., s)|"
                                 "Matching duration (quest., s)|Share of ref. recording|Share of quest. recording|Score"),
        "opinion_positive_seconds": ("The {subject} of questioned item {b} and reference item {a} (after filtration) contain "
                                     "identical or substantially similar content: {regions_text} lasting {num_a} s, {pct_a}% "
                                     "of the reference's comparable {den_a} s; on the questioned side {num_b} s, {pct_b}% of "
                                     "its comparable {den_b} s."),
        "opinion_negative_seconds": ("The {subject} of questioned item {b} and reference item {a} were compared (after "
                                     "filtration, {den_a} s of the reference and {den_b} s of the questioned recording "
                                     "comparable); no identical or substantially similar content was found."),
        "effect_bytes": "reference {a} bytes ({pct_a}% of its function code), questioned {b} bytes ({pct_b}%)",
        "analysis_where_bytes": "locations in programs as file:function@address range",
        "results_table_bytes": "Table {n} Program results per pair (before / after filtration, by bytes of function code)",
        "cols_results_bytes": ("Pair|Function pairs|Ref. function code (bytes)|Quest. function code (bytes)|"
                               "Matching code (ref., bytes)|Matching code (quest., bytes)|Share of ref.|Share of quest.|Score"),
        "opinion_positive_bytes": ("The {subject} of questioned item {b} and reference item {a} (after filtration) contain "
                                   "identical or substantially similar content: {regions_text} with {num_a} bytes of code, "
                                   "{pct_a}% of the reference's {den_a} bytes of function code; on the questioned side "
                                   "{num_b} bytes, {pct_b}% of its {den_b} bytes."),
        "opinion_negative_bytes": ("The {subject} of questioned item {b} and reference item {a} were compared (after "
                                   "filtration, {den_a} bytes of function code in the reference and {den_b} in the "
                                   "questioned program); no identical or substantially similar content was found."),
        "subject_bytes": "programs",
        "functions_text": "{n} functions",
        "functions_text_one": "{n} function",
        "methods_binary": ("Programs: ELF, PE and Mach-O files are parsed with LIEF and their code disassembled with "
                           "capstone; functions come from symbols, exception tables, function-start tables and call "
                           "targets; each function's instructions are normalised to mnemonic and operand kinds, its "
                           "instruction 3-grams summarised by MinHash and combined with the strings, imports and constants "
                           "it refers to; functions are paired one to one by similarity and the pairing propagated along "
                           "the call graph; strings, constants, imports and TLSH are separate channels. Compiler run-time "
                           "and start-up code and declared base material are left out. Plug-in indicators come from "
                           "extensible YARA rules with imports, call sites and system-call sites, each located, and are "
                           "findings the expert reviews."),
        "binary_function": "Function",
        "binary_range": "Address range",
        "binary_range_value": "{lo}–{hi} ({n} bytes)",
        "binary_instructions": "Instructions / basic blocks",
        "binary_similarity": "Similarity",
        "binary_similarity_value": "{s} ({via})",
        "binary_via_signature": "paired by instruction features",
        "binary_via_name": "paired by the same function name",
        "binary_via_call graph": "paired through the call graph",
        "binary_shared_imports": "Imports both call",
        "binary_shared_strings": "Strings both refer to",
        "binary_shared_constants": "Constants in both",
        "binary_rule": "Rule",
        "binary_evidence": "Evidence at",
        "subject_seconds": "recordings and musical works",
        "segments_text": "{n} segments",
        "segments_text_one": "{n} segment",
        "regions_text": "{n} regions",
        "regions_text_one": "{n} region",
        "subject_join": ", and ",
        "clause_sep": " ",
        "dissent": "Expert {name} dissents from opinion {k}, because: {reason}",
        "expert_line": "Appraiser: {name}    Licence no.: {licence}",
        "signature": "(signature)________________",
        "seal": "{institution} (appraisal seal)",
        "date_format": "{y}-{m:02d}-{d:02d}",
        "attachments": "7. Attachments",
        "att_materials": "Materials and per-file hashes",
        "att_detail": "Comparison detail (all findings, SHA-256 of findings.json)",
        "att_exhibits": "Exhibits (side-by-side excerpts of the findings, {n} items)",
        "att_validation": "Tool validation summary",
        "att_audit": "Audit-log excerpt and issue manifest hash",
        "att_licences": "Copies of the appraisers' and the institution's licences",
        "att_heading": "Attachment {k} {title}",
        "manifest_table": "Attachment 1-{m} {id} per-file manifest",
        "cols_manifest": "Relative path|Bytes|SHA-256",
        "detail_file": "findings.json SHA-256: {sha}",
        "cols_detail": "Finding|Category|Score|Reference|Questioned|Decision",
        "exhibit_caption": "Attachment {k}-{m} Finding {id} ({category}, score {score})",
        "exhibit_side_a": "Reference {id}",
        "exhibit_side_b": "Questioned {id}",
        "exhibit_truncated": "(first {n} lines shown; see the original file for the rest)",
        "exhibit_cite": "paragraphs: {cite}; character offsets {start}–{end}",
        "cols_region": "Side|File|Region",
        # audio exhibits
        "methods_audio": ("Recordings and musical works: audio is mixed down to mono and resampled to 11,025 Hz; prominent peaks "
                          "of a log-frequency spectrogram are combined into fingerprints of three peaks that keep their frequency "
                          "differences and time ratios (unchanged by pitch shifts and speed or tempo changes), and votes on pitch "
                          "shift, time factor and offset give the aligned segments; musical works are compared as beat-synchronous "
                          "chroma sequences, transposed by the optimal transposition index and aligned locally with Qmax. Silence, "
                          "noise-like sound (applause, crowd), loops repeated within a recording and declared base material are "
                          "left out. The score is a logistic function fitted on the tuning split of the project's audio benchmark "
                          "(benchmarks/audio), its error measured on the held-out split."),
        "audio_legend": ("Top: reference (A); middle: questioned (B) (seconds across; grey: waveform envelope; coloured: "
                         "aligned segments, equal numbers correspond{excluded}); lower left: alignment path (time in the "
                         "reference against time in the questioned recording, marked \u201c×time factor, pitch change in "
                         "semitones\u201d); lower right: each segment's score and its start and end on both sides. {chroma}"
                         "Number 1 is finding {id}."),
        "audio_legend_chroma": ("Bottom: chroma of the two matched sections (pitch classes C–B upwards), the questioned "
                                "one moved into the reference's key by the semitones shown. "),
        "audio_legend_excluded": "; hatched: left out",
        "audio_unreadable": "(The audio cannot be shown: {files} cannot be read, decoded, or no longer match the intake hash; the segment figures follow.)",
        "audio_segment": "Segment",
        "audio_segment_value": "{start}–{end} s ({dur} s)",
        "audio_duration": "length {dur} s",
        "audio_question": "Question",
        "audio_question_recording": "is the recording copied (excerpt, sample, speed or pitch changed)",
        "audio_question_work": "is it the same musical work (another performance, key or tempo)",
        "audio_factor": "Time factor",
        "audio_factor_value": "{f} (one second of the questioned recording is {inv} s of the reference)",
        "audio_pitch": "Pitch change",
        "audio_pitch_value": "{st} semitones",
        "audio_hits": "Agreeing fingerprints",
        "audio_hits_value": "{n}, {pct}% of the reference's fingerprints in the segment",
        "audio_qmax": "Section alignment",
        "audio_qmax_value": "Qmax {q}; {pct}% of the beats on the path recur",
        "image_legend": ("Left: reference; middle: questioned; right: difference map over the reference (green = same, "
                         "red = different). Boxes with the same number are corresponding regions; number 1 is finding "
                         "{id}; red hatching on the questioned image marks changed parts of the region{excluded}. "
                         "Coordinates are pixels of the original images (EXIF orientation applied)."),
        "image_legend_excluded": "; grey boxes are declared base material (excluded)",
        "image_unreadable": ("(Image not shown: {files} cannot be read, cannot be decoded or no longer matches the "
                             "SHA-256 recorded at intake; the region data follow.)"),
        "image_files_sep": ", ",
        "image_item": "Item",
        "image_file": "File",
        "image_size": "{w} × {h} px",
        "image_frame": ", frame {n}",
        "image_region": "Region (pixels)",
        "image_region_value": "x {x0}–{x1}, y {y0}–{y1} ({w} × {h})",
        "image_vertices": "Region vertices (x, y)",
        "image_share": "Share of the image",
        "image_share_a": "{pct}% of the reference reproduced in the questioned image ({num}/{den} px)",
        "image_share_b": "{pct}% of the questioned image taken from the reference ({num}/{den} px)",
        "image_changed": "Changed regions",
        "image_changed_value": "{n}: {regions}",
        "image_changed_sep": "; ",
        "image_reproduced": "Agreement inside the region",
        "image_reproduced_value": "{pct}% of the textured blocks agree ({num}/{den})",
        "image_inliers": "Feature matches",
        "image_inliers_value": "{n} geometrically consistent feature matches ({t} tentative)",
        "image_method": "Geometric model",
        "image_method_value": "{method}, {channel}",
        "image_methods": "homography=perspective (homography)|similarity=similarity|affine=affine",
        "image_channels": "luma=features on luma|value=features on HSV value",
        "image_mirrored": "Mirrored",
        "yes": "yes",
        "no": "no",
        "cols_validation": "Comparator|Data set|Pairs|Metrics|Operating point|Measured|Reference",
        "audit_text": "The audit log holds {n} entries and its hash chain verified; the latest {k} entries follow.",
        "cols_audit": "Seq|Time (UTC)|Actor|Action|Target|Hash (first 16)",
        "manifest_hash": "Issue input manifest (inputs of reports/manifest-v{v}.json) SHA-256: {sha}",
        "licence_placeholder": "(copies of the appraisers' licences and the institution's licence go here)",
        "audit_pin_text": ("Audit-log pin: when this document was issued the audit log held {n} entries, the last being "
                           "entry {seq}; its SHA-256 is on the next line. appraisal case verify <case folder> --against "
                           "<this document> checks that this entry is still in the log, unchanged, with an intact hash "
                           "chain before it, i.e. that the log was not truncated or rewritten after this document was issued."),
        "notes": "Notes",
        "notes_text": ("1. IDs: YB = reference item (rights holder), JC = questioned item, ZL = other material.|2. Finding "
                       "ids F-<kind>-<seq> are the same in the findings, the expert's review and this document.|3. This "
                       "document must be used in its entirety."),
        "kinds": "package=package/folder|code=source code|text=text|image=image|audio=audio|binary=program",
        "category_names": "",
        "exclusion_categories": "",
    },
}


def label(lang: str, key: str) -> str:
    """The wording of ``key`` in ``lang``."""
    return LABELS[lang][key]


def _mapping(lang: str, key: str) -> dict[str, str]:
    text = LABELS[lang].get(key, "")
    return dict(item.split("=", 1) for item in text.split("|") if "=" in item)


def kind_name(lang: str, kind: str) -> str:
    """Human name of a material kind."""
    return _mapping(lang, "kinds").get(kind, kind)


def category_name(lang: str, category: str) -> str:
    """Human name of a finding category (the comparator's own name when none is given)."""
    return _mapping(lang, "category_names").get(category, category)


def exclusion_name(lang: str, category: str | None) -> str:
    """Human name of an exclusion category (review.EXCLUSION_CATEGORIES)."""
    return _mapping(lang, "exclusion_categories").get(category or "", category or "")


def listing(lang: str, key: str) -> list[str]:
    """A ``|``-separated list label as a list."""
    return LABELS[lang][key].split("|")
