<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>A user name uses letters, digits, '.' and '_' only.</source>
            <translation>用户名只能包含字母、数字、“.”和“_”。</translation>
        </message>
        <message>
            <source>A password needs at least {n} characters.</source>
            <translation>密码至少需要 {n} 个字符。</translation>
        </message>
        <message>
            <source>The user name {name} is taken.</source>
            <translation>用户名 {name} 已被占用。</translation>
        </message>
        <message>
            <source>An administrator already exists.</source>
            <translation>已经有管理员账户了。</translation>
        </message>
        <message>
            <source>create an account in another branch</source>
            <translation>在其他分公司开设账号</translation>
        </message>
        <message>
            <source>Choose the branch the account works in.</source>
            <translation>请选择该账号所在的分公司。</translation>
        </message>
        <message>
            <source>The branch {name} is closed: reopen it first.</source>
            <translation>分公司 {name} 已停用：请先恢复。</translation>
        </message>
        <message>
            <source>change an account of another branch</source>
            <translation>修改其他分公司的账号</translation>
        </message>
        <message>
            <source>move an account to another branch</source>
            <translation>把账号调到其他分公司</translation>
        </message>
        <message>
            <source>Your own account stays where it is; another administrator can move it.</source>
            <translation>不能调动自己的账号；可由另一位管理员调动。</translation>
        </message>
        <message>
            <source>No such user.</source>
            <translation>没有这个用户。</translation>
        </message>
        <message>
            <source>Wrong user name or password, or the account is locked for a while.</source>
            <translation>用户名或密码错误，或账户已被暂时锁定。</translation>
        </message>
        <message>
            <source>Your branch {name} is closed; ask the service department.</source>
            <translation>您所在的分公司 {name} 已停用，请联系服务部。</translation>
        </message>
        <message>
            <source>The business calendar has no working days.</source>
            <translation>营业日历中没有工作日。</translation>
        </message>
        <message>
            <source>Opening time must be before closing time.</source>
            <translation>开门时间须早于关门时间。</translation>
        </message>
        <message>
            <source>Choose a customer or enter a new one.</source>
            <translation>请选择客户，或录入新客户。</translation>
        </message>
        <message>
            <source>No such customer.</source>
            <translation>没有这个客户。</translation>
        </message>
        <message>
            <source>The item does not belong to this customer.</source>
            <translation>该商品不属于这个客户。</translation>
        </message>
        <message>
            <source>This date is in the future.</source>
            <translation>这个日期在未来。</translation>
        </message>
        <message>
            <source>A closed or cancelled call cannot be edited.</source>
            <translation>已结案或已注销的叫修记录不能修改。</translation>
        </message>
        <message>
            <source>This call is already closed or cancelled.</source>
            <translation>这条叫修记录已结案或已注销。</translation>
        </message>
        <message>
            <source>The item is in the shop on receipt {number}: return it to the customer before cancelling the call.</source>
            <translation>商品仍在店内（收据 {number}）：请先将商品交还客户，再取消叫修。</translation>
        </message>
        <message>
            <source>No such call.</source>
            <translation>没有这条叫修记录。</translation>
        </message>
        <message>
            <source>No call with the number {number}.</source>
            <translation>没有编号为 {number} 的叫修记录。</translation>
        </message>
        <message>
            <source>At most {n} search words.</source>
            <translation>最多 {n} 个搜索词。</translation>
        </message>
        <message>
            <source>This call cannot go from {old} to {new}.</source>
            <translation>这条叫修记录不能从“{old}”改为“{new}”。</translation>
        </message>
        <message>
            <source>Choose the call the item belongs to.</source>
            <translation>请选择商品所属的叫修单。</translation>
        </message>
        <message>
            <source>The call {number} is closed; it cannot take an item in.</source>
            <translation>叫修单 {number} 已结案，不能收件。</translation>
        </message>
        <message>
            <source>The item of this call is already in the store ({number}).</source>
            <translation>该叫修单的商品已在店内（{number}）。</translation>
        </message>
        <message>
            <source>Enter the item (model and serial) that is taken in.</source>
            <translation>请填写所收商品（型号和机身号）。</translation>
        </message>
        <message>
            <source>This item is already in the store (receipt {number}).</source>
            <translation>该商品已在店内（收据 {number}）。</translation>
        </message>
        <message>
            <source>Choose the technician who took the item in.</source>
            <translation>请选择收件的技术员。</translation>
        </message>
        <message>
            <source>The promised date cannot be in the past.</source>
            <translation>承诺日期不能早于今天。</translation>
        </message>
        <message>
            <source>The promised date is too far ahead.</source>
            <translation>承诺日期太远。</translation>
        </message>
        <message>
            <source>No item receipt with the number {number}.</source>
            <translation>没有编号为 {number} 的领取收据。</translation>
        </message>
        <message>
            <source>No such item receipt.</source>
            <translation>没有这张领取收据。</translation>
        </message>
        <message>
            <source>The item of receipt {number} has already been returned.</source>
            <translation>收据 {number} 的商品已经取回。</translation>
        </message>
        <message>
            <source>The item of receipt {number} has not passed inspection; it cannot go back to the customer yet.</source>
            <translation>收据 {number} 的商品尚未验讫合格，还不能交还客户。</translation>
        </message>
        <message>
            <source>Enter the last 4 to 6 characters of the ID number.</source>
            <translation>请输入证件号码的后 4 至 6 位。</translation>
        </message>
        <message>
            <source>The phone does not match the customer's file.</source>
            <translation>电话与客户资料不符。</translation>
        </message>
        <message>
            <source>The customer must sign for the item.</source>
            <translation>客户须签收商品。</translation>
        </message>
        <message>
            <source>receipt lost</source>
            <translation>收据遗失</translation>
        </message>
        <message>
            <source>{owed} is still owed on this repair: take the payment or record why it stays receivable.</source>
            <translation>本次修理尚欠 {owed}：请收款，或注明转为应收的原因。</translation>
        </message>
        <message>
            <source>Choose how the bill is settled.</source>
            <translation>请选择本单的结算方式。</translation>
        </message>
        <message>
            <source>Give the reason {owed} stays receivable (e.g. invoice to be issued).</source>
            <translation>请注明 {owed} 转为应收的原因（如：待开发票）。</translation>
        </message>
        <message>
            <source>receipt lost, identity checked</source>
            <translation>收据遗失，已核对身份</translation>
        </message>
        <message>
            <source>Choose the kind of complaint.</source>
            <translation>请选择投诉类别。</translation>
        </message>
        <message>
            <source>Choose a customer.</source>
            <translation>请选择客户。</translation>
        </message>
        <message>
            <source>Choose where the complaint came from.</source>
            <translation>请选择投诉来源。</translation>
        </message>
        <message>
            <source>Choose the severity.</source>
            <translation>请选择严重程度。</translation>
        </message>
        <message>
            <source>Choose a department.</source>
            <translation>请选择处理部门。</translation>
        </message>
        <message>
            <source>Say why the complaint goes to another department than its kind's.</source>
            <translation>请说明为何将投诉转送非对应类别的部门。</translation>
        </message>
        <message>
            <source>This complaint is already closed.</source>
            <translation>该投诉已结案。</translation>
        </message>
        <message>
            <source>The visit cannot be before the complaint was accepted.</source>
            <translation>拜访日期不能早于受理日期。</translation>
        </message>
        <message>
            <source>Only an overdue complaint gets a reminder.</source>
            <translation>只有逾期的投诉才能开立催办单。</translation>
        </message>
        <message>
            <source>A serious complaint needs the manager's decision first.</source>
            <translation>重大投诉须先由副总经理核决。</translation>
        </message>
        <message>
            <source>Record the resolution before closing.</source>
            <translation>请先登记处理情况再结案。</translation>
        </message>
        <message>
            <source>The supervisor or a delegate must visit the customer before the complaint is closed.</source>
            <translation>结案前须由服务主任或其指派人员拜访客户。</translation>
        </message>
        <message>
            <source>Only a closed complaint can be rejected.</source>
            <translation>只有已结案的投诉才能由客户拒绝处理结果。</translation>
        </message>
        <message>
            <source>Only a complaint closed after its deadline gets a liaison note.</source>
            <translation>只有逾期结案的投诉才开立洽办单。</translation>
        </message>
        <message>
            <source>This complaint already has its liaison note.</source>
            <translation>该投诉已开立洽办单。</translation>
        </message>
        <message>
            <source>No such liaison note.</source>
            <translation>没有这张洽办单。</translation>
        </message>
        <message>
            <source>No liaison note with the number {number}.</source>
            <translation>没有编号为 {number} 的洽办单。</translation>
        </message>
        <message>
            <source>Record the resolution before writing to the customer.</source>
            <translation>请先登记处理情况再函告客户。</translation>
        </message>
        <message>
            <source>Say how the customer was told: letter or phone.</source>
            <translation>请选择通知客户的方式：书面或电话。</translation>
        </message>
        <message>
            <source>No such complaint.</source>
            <translation>没有这条投诉。</translation>
        </message>
        <message>
            <source>This complaint is no longer open.</source>
            <translation>此投诉已不在处理中。</translation>
        </message>
        <message>
            <source>No complaint with the number {number}.</source>
            <translation>没有编号为 {number} 的投诉。</translation>
        </message>
        <message>
            <source>No reminder was issued for this complaint.</source>
            <translation>此投诉尚未开立催办单。</translation>
        </message>
        <message>
            <source>Choose at least one item the contract covers.</source>
            <translation>请至少选择一件合同保养的商品。</translation>
        </message>
        <message>
            <source>The contract must end after it starts.</source>
            <translation>合同的结束日期必须晚于开始日期。</translation>
        </message>
        <message>
            <source>Visits per year: 0 to 52.</source>
            <translation>每年保养次数：0 到 52 次。</translation>
        </message>
        <message>
            <source>Only an active contract can be renewed.</source>
            <translation>只有有效的合同才能续约。</translation>
        </message>
        <message>
            <source>Renewal visits are assigned in the contract's last month.</source>
            <translation>续约拜访须在合同到期前一个月内指派。</translation>
        </message>
        <message>
            <source>Choose who goes to renew the contract.</source>
            <translation>请选择负责续约拜访的人员。</translation>
        </message>
        <message>
            <source>Choose what came of the visit.</source>
            <translation>请选择拜访结果。</translation>
        </message>
        <message>
            <source>Assign who goes to renew the contract first.</source>
            <translation>请先指派负责续约拜访的人员。</translation>
        </message>
        <message>
            <source>The visit cannot be before it was assigned.</source>
            <translation>拜访日期不能早于指派日期。</translation>
        </message>
        <message>
            <source>Only an active contract can be changed.</source>
            <translation>只有有效的合同才能修改。</translation>
        </message>
        <message>
            <source>No contract with the number {number}.</source>
            <translation>没有编号为 {number} 的合同。</translation>
        </message>
        <message>
            <source>No such contract.</source>
            <translation>没有这份合同。</translation>
        </message>
        <message>
            <source>The phone {phone} is already on file for {names}.</source>
            <translation>电话 {phone} 已登记在 {names} 的客户资料中。</translation>
        </message>
        <message>
            <source>Enter at least one phone number.</source>
            <translation>请至少录入一个电话号码。</translation>
        </message>
        <message>
            <source>No such zone.</source>
            <translation>没有这个区域。</translation>
        </message>
        <message>
            <source>Choose a product model.</source>
            <translation>请选择商品型号。</translation>
        </message>
        <message>
            <source>No such item.</source>
            <translation>没有这件商品。</translation>
        </message>
        <message>
            <source>No such service voucher.</source>
            <translation>没有这张服务凭证。</translation>
        </message>
        <message>
            <source>Choose an active technician.</source>
            <translation>请选择在职的技术员。</translation>
        </message>
        <message>
            <source>This call has already been dispatched or closed.</source>
            <translation>这个叫修已派工或已注销。</translation>
        </message>
        <message>
            <source>Only an open voucher can be reassigned.</source>
            <translation>只有未完成的凭证可以改派。</translation>
        </message>
        <message>
            <source>The voucher is already with this technician.</source>
            <translation>凭证已在这位技术员手上。</translation>
        </message>
        <message>
            <source>Category D is for internal work, not for customer calls.</source>
            <translation>D 类是内部工作，不能用于客户叫修。</translation>
        </message>
        <message>
            <source>You are not allowed to do this ({action}).</source>
            <translation>您无权进行此操作（{action}）。</translation>
        </message>
        <message>
            <source>Someone else changed this record ({changed_by}, {changed_at}) after you opened it. Nothing was saved: reopen it and apply your change again.</source>
            <translation>在您打开这条记录之后，已有他人修改了它（{changed_by}，{changed_at}）。本次未保存任何内容：请重新打开后再修改一次。</translation>
        </message>
        <message>
            <source>The database is busy with another counter. Nothing was saved: try again.</source>
            <translation>数据库正被其他柜台占用。本次未保存任何内容：请再试一次。</translation>
        </message>
        <message>
            <source>The database file {path} was deleted or moved while Service Counter was running.</source>
            <translation>服务台运行期间，数据库文件 {path} 被删除或移走了。</translation>
        </message>
        <message>
            <source>The database file {path} was replaced by another file while Service Counter was running.</source>
            <translation>服务台运行期间，数据库文件 {path} 被另一个文件替换了。</translation>
        </message>
        <message>
            <source>The database's journal files ({path}-wal, -shm) were deleted or replaced while Service Counter was running.</source>
            <translation>服务台运行期间，数据库的日志文件（{path}-wal、-shm）被删除或替换了。</translation>
        </message>
        <message>
            <source>Service Counter lost its locks on the database file {path} (a program opened and closed the file), so another counter could overwrite it.</source>
            <translation>服务台失去了对数据库文件 {path} 的文件锁（有程序打开又关闭了该文件），其他柜台可能会覆盖它。</translation>
        </message>
        <message>
            <source>Nothing was saved.</source>
            <translation>本次未保存任何内容。</translation>
        </message>
        <message>
            <source>Your last action may not have been saved.</source>
            <translation>您的最后一步操作可能没有保存。</translation>
        </message>
        <message>
            <source>To protect the store's records nothing more can be saved: close Service Counter and start it again, then check your last action.</source>
            <translation>为保护店里的记录，现在不能再保存任何内容：请关闭服务台并重新启动，然后检查最后一步操作是否已保存。</translation>
        </message>
        <message>
            <source>The connection to the database server was lost (the server or the network is down).</source>
            <translation>与数据库服务器的连接已断开（服务器或网络出现故障）。</translation>
        </message>
        <message>
            <source>Nothing was saved; what you typed is still in the window: save again when the server is back.</source>
            <translation>本次未保存任何内容，您填写的内容仍在窗口中：服务器恢复后再点保存。</translation>
        </message>
        <message>
            <source>The link broke while saving, so the server may have kept it. What you typed is still in the window: save again when the server is back, it will not be recorded twice.</source>
            <translation>连接在保存过程中断开，服务器可能已经保存了本次内容。您填写的内容仍在窗口中：服务器恢复后再点保存，不会重复登记。</translation>
        </message>
        <message>
            <source>The link broke while saving, so the server may have kept it. What you typed is still in the window: when the server is back, look whether it was saved (reopen the book) before saving it again.</source>
            <translation>连接在保存过程中断开，服务器可能已经保存了本次内容。您填写的内容仍在窗口中：服务器恢复后，请先查看是否已保存（重新打开登记簿），再决定是否重新保存。</translation>
        </message>
        <message>
            <source>Try again when the server is back.</source>
            <translation>请在服务器恢复后再试。</translation>
        </message>
        <message>
            <source>This call's follow-up is already recorded.</source>
            <translation>此叫修的回访已登记。</translation>
        </message>
        <message>
            <source>This file cannot be read as an Excel workbook (.xlsx).</source>
            <translation>无法将此文件作为 Excel 工作簿（.xlsx）读取。</translation>
        </message>
        <message>
            <source>Between {low} and {high}.</source>
            <translation>应在 {low} 与 {high} 之间。</translation>
        </message>
        <message>
            <source>The model {code} is also on row {row}.</source>
            <translation>型号 {code} 在第 {row} 行也出现了。</translation>
        </message>
        <message>
            <source>The model {code} is already in the catalogue.</source>
            <translation>型号 {code} 已在商品目录中。</translation>
        </message>
        <message>
            <source>{value} is not a date (write it as 2024-03-05).</source>
            <translation>{value} 不是日期（请写成 2024-03-05 的格式）。</translation>
        </message>
        <message>
            <source>The phone {phone} is also on row {row}.</source>
            <translation>电话 {phone} 在第 {row} 行也出现了。</translation>
        </message>
        <message>
            <source>The phone {phone} is already on file.</source>
            <translation>电话 {phone} 已在客户资料中。</translation>
        </message>
        <message>
            <source>There is no zone {name}.</source>
            <translation>没有区域“{name}”。</translation>
        </message>
        <message>
            <source>{value} is neither a person nor a company.</source>
            <translation>“{value}”既不是个人也不是单位。</translation>
        </message>
        <message>
            <source>The model {code} is not in the catalogue.</source>
            <translation>型号 {code} 不在商品目录中。</translation>
        </message>
        <message>
            <source>The import was cancelled: nothing was imported.</source>
            <translation>导入已取消：没有导入任何数据。</translation>
        </message>
        <message>
            <source>Row {row}: {detail} Nothing was imported.</source>
            <translation>第 {row} 行：{detail} 没有导入任何数据。</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>文件是空的。</translation>
        </message>
        <message>
            <source>The header row has no column {column}.</source>
            <translation>标题行中没有“{column}”这一列。</translation>
        </message>
        <message>
            <source>{n} rows have errors: nothing was imported. Correct the file, or choose to import only the good rows.</source>
            <translation>有 {n} 行存在错误：没有导入任何数据。请修改文件，或选择只导入正确的行。</translation>
        </message>
        <message>
            <source>The part number {number} is already in the catalogue.</source>
            <translation>零件编号 {number} 已在目录中。</translation>
        </message>
        <message>
            <source>No such part.</source>
            <translation>没有这个配件。</translation>
        </message>
        <message>
            <source>Only {stock} {unit} of {part} in the van; {wanted} needed. Take it from the store, or a supervisor can override with a reason.</source>
            <translation>车上 {part} 只有 {stock} {unit}，需要 {wanted}。请改从库房领用，或由主任填写原因特批。</translation>
        </message>
        <message>
            <source>Only {stock} {unit} of {part} in stock; {wanted} needed. A supervisor can override with a reason.</source>
            <translation>{part} 库存只有 {stock} {unit}，需要 {wanted}。主任可填写原因特批。</translation>
        </message>
        <message>
            <source>Give a reason for taking the stock below zero.</source>
            <translation>请填写库存为负的原因。</translation>
        </message>
        <message>
            <source>Only a technician has a van.</source>
            <translation>只有技术员有车载库存。</translation>
        </message>
        <message>
            <source>Only {stock} {unit} of {part} there to move; {wanted} asked.</source>
            <translation>{part} 可调拨的只有 {stock} {unit}，要调 {wanted}。</translation>
        </message>
        <message>
            <source>move stock between branches</source>
            <translation>在分公司之间调拨库存</translation>
        </message>
        <message>
            <source>Choose another branch to move the parts to.</source>
            <translation>请选择调入的另一个分公司。</translation>
        </message>
        <message>
            <source>No part with the number {number}.</source>
            <translation>没有编号为 {number} 的配件。</translation>
        </message>
        <message>
            <source>Choose a value from the list.</source>
            <translation>请从列表中选择一个值。</translation>
        </message>
        <message>
            <source>{value} is not a time zone.</source>
            <translation>{value} 不是时区。</translation>
        </message>
        <message>
            <source>No such weekday.</source>
            <translation>没有这一天（星期几）。</translation>
        </message>
        <message>
            <source>Closing time must be after opening time.</source>
            <translation>关门时间必须晚于开门时间。</translation>
        </message>
        <message>
            <source>The zone {name} already exists.</source>
            <translation>区域“{name}”已经存在。</translation>
        </message>
        <message>
            <source>the company's catalogue</source>
            <translation>公司的商品目录</translation>
        </message>
        <message>
            <source>No such product model.</source>
            <translation>没有这个商品型号。</translation>
        </message>
        <message>
            <source>This item is not in the goods register.</source>
            <translation>该商品不在进出登记簿中。</translation>
        </message>
        <message>
            <source>Unknown register filter.</source>
            <translation>未知的登记簿筛选条件。</translation>
        </message>
        <message>
            <source>No such register entry.</source>
            <translation>没有这条登记。</translation>
        </message>
        <message>
            <source>The item has not gone out yet.</source>
            <translation>该商品尚未出店。</translation>
        </message>
        <message>
            <source>The stop time must be after the start time.</source>
            <translation>结束时间须晚于开始时间。</translation>
        </message>
        <message>
            <source>Enter the time spent.</source>
            <translation>请输入所用时间。</translation>
        </message>
        <message>
            <source>The time spent must be between 1 minute and 24 hours.</source>
            <translation>所用时间须在 1 分钟到 24 小时之间。</translation>
        </message>
        <message>
            <source>No such repair card.</source>
            <translation>没有这张修护卡。</translation>
        </message>
        <message>
            <source>This repair card is closed for work ({status}).</source>
            <translation>这张修护卡已不能再记修理（{status}）。</translation>
        </message>
        <message>
            <source>This repair card cannot be inspected now ({status}).</source>
            <translation>这张修护卡现在不能验讫（{status}）。</translation>
        </message>
        <message>
            <source>No repair work is recorded on this card yet.</source>
            <translation>这张修护卡还没有修理记录。</translation>
        </message>
        <message>
            <source>Say how the card came back: phone or paper.</source>
            <translation>请选择调查卡的回收方式：电话或书面。</translation>
        </message>
        <message>
            <source>The card cannot come back before it was sent.</source>
            <translation>调查卡的回收日期不能早于寄出日期。</translation>
        </message>
        <message>
            <source>Tick one of the four levels.</source>
            <translation>请勾选四个程度中的一个。</translation>
        </message>
        <message>
            <source>This card's complaint is already in the register.</source>
            <translation>此调查卡的投诉已登记。</translation>
        </message>
        <message>
            <source>No survey card with the number {number}.</source>
            <translation>没有编号为 {number} 的调查卡。</translation>
        </message>
        <message>
            <source>No such survey card.</source>
            <translation>没有这张调查卡。</translation>
        </message>
        <message>
            <source>This field is required.</source>
            <translation>此项必填。</translation>
        </message>
        <message>
            <source>At most {n} characters (now {m}).</source>
            <translation>最多 {n} 个字符（现在 {m} 个）。</translation>
        </message>
        <message>
            <source>Character {pos} is broken (half of a character): type it again.</source>
            <translation>第 {pos} 个字符已损坏（只有半个字符），请重新输入。</translation>
        </message>
        <message>
            <source>Character {pos} is an invisible control character: remove it.</source>
            <translation>第 {pos} 个字符是看不见的控制字符，请删除。</translation>
        </message>
        <message>
            <source>Enter a whole number from {low} to {high}.</source>
            <translation>请输入 {low} 到 {high} 之间的整数。</translation>
        </message>
        <message>
            <source>{date} is too long ago: dates start in {year}.</source>
            <translation>{date} 太早了：日期从 {year} 年开始。</translation>
        </message>
        <message>
            <source>This date is too far ahead.</source>
            <translation>这个日期太远了。</translation>
        </message>
        <message>
            <source>Enter a phone number.</source>
            <translation>请录入电话号码。</translation>
        </message>
        <message>
            <source>{phone} is not a phone number.</source>
            <translation>{phone} 不是电话号码。</translation>
        </message>
        <message>
            <source>Arrival cannot be before the dispatch.</source>
            <translation>到达时间不能早于派工时间。</translation>
        </message>
        <message>
            <source>Completion cannot be before arrival.</source>
            <translation>完工时间不能早于到达时间。</translation>
        </message>
        <message>
            <source>Labour time must be between 0 and 24 hours.</source>
            <translation>工时须在 0 到 24 小时之间。</translation>
        </message>
        <message>
            <source>The customer must sign the voucher.</source>
            <translation>客户须在凭证上签字。</translation>
        </message>
        <message>
            <source>This voucher is no longer open.</source>
            <translation>这张凭证已不能再记录。</translation>
        </message>
        <message>
            <source>Only a call completed on site can be closed here.</source>
            <translation>这里只能注销现场已完工的叫修。</translation>
        </message>
        <message>
            <source>No such entry.</source>
            <translation>没有这条记录。</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <source>Enter a reason.</source>
            <translation>请填写原因。</translation>
        </message>
        <message>
            <source>{value} is not a date (YYYY-MM-DD).</source>
            <translation>{value} 不是日期（格式 YYYY-MM-DD）。</translation>
        </message>
        <message>
            <source>The catalogue has no product models yet: an administrator adds them in Settings, Product models, or imports them from Excel.</source>
            <translation>目录中还没有产品型号：请管理员在“设置 › 产品型号”中添加，或从 Excel 导入。</translation>
        </message>
        <message>
            <source>database file or SQLAlchemy URL (default: SERVICE_COUNTER_DB, else the file in the user data folder)</source>
            <translation>数据库文件或 SQLAlchemy URL（默认：环境变量 SERVICE_COUNTER_DB，否则为用户数据文件夹中的文件）</translation>
        </message>
        <message>
            <source>Service Counter (售后服务台): the after-sales service counter. Without a command it starts the application.</source>
            <translation>售后服务台：商店的售后服务柜台。不带命令时启动应用程序。</translation>
        </message>
        <message>
            <source>language of the interface (zh_CN or en)</source>
            <translation>界面语言（zh_CN 或 en）</translation>
        </message>
        <message>
            <source>The database URL {url} holds a password. Passwords are never given on the command line or in SERVICE_COUNTER_DB: keep it with "service-counter db-password --db URL" (the password file, only you can read it) and give the URL without it.</source>
            <translation>数据库地址 {url} 中含有密码。密码不能写在命令行或 SERVICE_COUNTER_DB 中：请用“service-counter db-password --db 地址”保存到密码文件（只有您本人可读），再给出不含密码的地址。</translation>
        </message>
        <message>
            <source>Interrupted.</source>
            <translation>已中断。</translation>
        </message>
        <message>
            <source>The backup folder {folder} is not there: is its disk or USB drive plugged in?</source>
            <translation>备份文件夹 {folder} 不存在：它所在的硬盘或U盘是否已插好？</translation>
        </message>
        <message>
            <source>The backup folder {folder} cannot be created: {error}</source>
            <translation>无法创建备份文件夹 {folder}：{error}</translation>
        </message>
        <message>
            <source>The backup folder {folder} is not writable.</source>
            <translation>备份文件夹 {folder} 不可写入。</translation>
        </message>
        <message>
            <source>The backup could not be written to {folder}: the disk is full. Free some space or choose another folder.</source>
            <translation>备份无法写入 {folder}：磁盘已满。请清理出空间，或选择其他文件夹。</translation>
        </message>
        <message>
            <source>The backup could not be written to {folder}: the folder is read-only.</source>
            <translation>备份无法写入 {folder}：该文件夹是只读的。</translation>
        </message>
        <message>
            <source>The backup could not be written to {folder}: {error}</source>
            <translation>备份无法写入 {folder}：{error}</translation>
        </message>
        <message>
            <source>{file} is not a sound Service Counter backup ({problem}).</source>
            <translation>{file} 不是完好的售后服务台备份（{problem}）。</translation>
        </message>
        <message>
            <source>{file} was changed since it was taken: its checksum does not match the record beside it. It is not restored; choose another backup.</source>
            <translation>{file} 在备份之后被改动过：其校验值与旁边的记录不符。不予恢复，请选择其他备份。</translation>
        </message>
        <message>
            <source>Backups from the app are for the SQLite store; back a server database up with the server's own tools.</source>
            <translation>程序内备份适用于 SQLite 数据库；服务器数据库请用服务器自带的工具备份。</translation>
        </message>
        <message>
            <source>{file} exists; restore into it from the Backups page or with the restore command.</source>
            <translation>{file} 已存在；请在“数据备份”页面或用 restore 命令恢复到该文件。</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist (is the disk connected?); nothing was restored.</source>
            <translation>文件夹 {folder} 不存在（磁盘是否已连接？）；没有恢复任何内容。</translation>
        </message>
        <message>
            <source>random seed: the same seed gives the same store</source>
            <translation>随机种子：相同的种子生成相同的商店</translation>
        </message>
        <message>
            <source>a number of 0 or more</source>
            <translation>须为 0 或更大的数字</translation>
        </message>
        <message>
            <source>This is not a Service Counter database, or it comes from a newer version: {detail}</source>
            <translation>这不是售后服务台的数据库，或者来自更新的版本：{detail}</translation>
        </message>
        <message>
            <source>the store's SQLite file</source>
            <translation>本店的 SQLite 数据库文件</translation>
        </message>
        <message>
            <source>an empty PostgreSQL database, e.g. postgresql+psycopg://user@host/dbname?sslmode=verify-full&amp;sslrootcert=root.crt</source>
            <translation>一个空的 PostgreSQL 数据库，例如 postgresql+psycopg://用户@主机/库名?sslmode=verify-full&amp;sslrootcert=根证书.crt</translation>
        </message>
        <message>
            <source>bring the store into the company's database (--to) as a new branch with this two-digit code, e.g. 02</source>
            <translation>把本店数据并入公司数据库（--to），作为新的分公司，两位数代码，例如 02</translation>
        </message>
        <message>
            <source>--as-branch needs --branch-name</source>
            <translation>--as-branch 需要同时给出 --branch-name</translation>
        </message>
        <message>
            <source>No such database file: {file}</source>
            <translation>数据库文件不存在：{file}</translation>
        </message>
        <message>
            <source>The move failed, nothing was changed: {detail}</source>
            <translation>迁移失败，数据未作任何改动：{detail}</translation>
        </message>
        <message>
            <source>Cannot open the database: {detail}</source>
            <translation>无法打开数据库：{detail}</translation>
        </message>
        <message>
            <source>the new branch's name (with --as-branch); without --as-branch: the store becomes the company's first branch 01 of this name, its staff work in it</source>
            <translation>新分公司的名称（与 --as-branch 同用）；不带 --as-branch 时：本店成为公司的第一个分公司 01，用这个名称，本店员工归属该分公司</translation>
        </message>
        <message>
            <source>{table}: {rows} rows, money {money} fen — verified</source>
            <translation>{table}：{rows} 行，金额 {money} 分——已核对</translation>
        </message>
        <message>
            <source>The store is branch 01 ({name}); {count} of its people work in it, its administrators in the service department.</source>
            <translation>本店成为分公司 01（{name}）；{count} 名员工归属该分公司，管理员归属服务部。</translation>
        </message>
        <message>
            <source>Done. Start the app with --db {url}</source>
            <translation>完成。请用 --db {url} 启动程序</translation>
        </message>
        <message>
            <source>{table}: {matched} matched the company's, {added} added</source>
            <translation>{table}：{matched} 条与公司已有的对上，新增 {added} 条</translation>
        </message>
        <message>
            <source>{table}: {rows} rows not copied (the company's stay)</source>
            <translation>{table}：{rows} 行未复制（保留公司的）</translation>
        </message>
        <message>
            <source>Account {old} is now {new} (the company has a {old}): tell its user.</source>
            <translation>账号 {old} 改为 {new}（公司已有 {old}），请告知本人。</translation>
        </message>
        <message>
            <source>Done. Branch {code} ({name}): {numbers} document numbers carry the branch code (C2612-0001 is now C{code}-2612-0001; the branch's people find it by either).</source>
            <translation>完成。分公司 {code}（{name}）：{numbers} 个单据编号加上了分公司代码（C2612-0001 现为 C{code}-2612-0001；本分公司人员用新旧编号都能查到）。</translation>
        </message>
        <message>
            <source>move the data of a SQLite file to a PostgreSQL server</source>
            <translation>把 SQLite 文件中的数据迁移到 PostgreSQL 服务器</translation>
        </message>
        <message>
            <source>build it even if the database holds data (the old file is kept aside as NAME.before-demo-DATE.sqlite)</source>
            <translation>即使数据库中已有数据也生成（原文件另存为 NAME.before-demo-日期.sqlite）</translation>
        </message>
        <message>
            <source>There is no database at {path}; nothing was created. Check the path given with --db (or SERVICE_COUNTER_DB). A store that was moved or deleted can be put back with "restore" from a backup; a new store is made by starting the application.</source>
            <translation>{path} 处没有数据库；没有创建任何文件。请检查 --db（或 SERVICE_COUNTER_DB）给出的路径。被移动或删除的数据库可以用 “restore” 从备份恢复；新建数据库请启动应用程序。</translation>
        </message>
        <message>
            <source>The database {path} cannot be written: the file or its folder is read-only. Ask your administrator to fix the permissions; nothing was changed.</source>
            <translation>数据库 {path} 无法写入：文件或其所在文件夹是只读的。请联系管理员修改权限；没有做任何改动。</translation>
        </message>
        <message>
            <source>number of calls in the call-log book (with --branches, the total, shared out over the branches)</source>
            <translation>叫修登记簿中的叫修数量（与 --branches 同用时为总数，平均分给各分公司）</translation>
        </message>
        <message>
            <source>build a company of B branches (01 as the single store, then 02, 03…, each with its own staff, customers and calls); default 1</source>
            <translation>生成有 B 个分公司的公司（01 即单店，其后为 02、03……，各有自己的员工、客户和叫修）；默认 1</translation>
        </message>
        <message>
            <source>a number from 1 to {most}</source>
            <translation>1 到 {most} 之间的数</translation>
        </message>
        <message>
            <source>--force replaces only a SQLite file; give an empty database.</source>
            <translation>--force 只能替换 SQLite 文件；请指定一个空数据库。</translation>
        </message>
        <message>
            <source>Cannot move the database aside (is it open elsewhere?): {detail}</source>
            <translation>无法将数据库移到一旁（是否在别处打开？）：{detail}</translation>
        </message>
        <message>
            <source>The database {db} already holds data; use --force to keep it aside and build the demo store in its place.</source>
            <translation>数据库 {db} 中已有数据；使用 --force 可将其另存并在原处生成演示商店。</translation>
        </message>
        <message>
            <source>The existing database was moved to {path}.</source>
            <translation>原数据库已移至 {path}。</translation>
        </message>
        <message>
            <source>Building the demo store in {db} ({calls} calls)…</source>
            <translation>正在 {db} 中生成演示商店（{calls} 条叫修）…</translation>
        </message>
        <message>
            <source>Cancelled: the database keeps what was written so far.</source>
            <translation>已取消：数据库保留已写入的内容。</translation>
        </message>
        <message>
            <source>Done in {seconds} s.</source>
            <translation>完成，用时 {seconds} 秒。</translation>
        </message>
        <message>
            <source>Demo accounts (user name / password):</source>
            <translation>演示账号（用户名 / 密码）：</translation>
        </message>
        <message>
            <source>fill a database with a believable demo store</source>
            <translation>用一个逼真的演示商店填充数据库</translation>
        </message>
        <message>
            <source>kind of document: voucher, item-receipt, repair-tag, payment-receipt, daily-report, … (see --list)</source>
            <translation>单据类型：voucher、item-receipt、repair-tag、payment-receipt、daily-report 等（见 --list）</translation>
        </message>
        <message>
            <source>the document's number (a date for daily reports)</source>
            <translation>单据编号（日报表为日期）</translation>
        </message>
        <message>
            <source>where to write the PDF (default: the suggested file name in the current folder)</source>
            <translation>PDF 的保存位置（默认：当前文件夹中的建议文件名）</translation>
        </message>
        <message>
            <source>print on this printer of the computer instead of writing a PDF (the name as the system lists it)</source>
            <translation>直接在本机的这台打印机上打印，而不输出 PDF（名称与系统中列出的一致）</translation>
        </message>
        <message>
            <source>list the kinds of document that can be printed</source>
            <translation>列出可打印的单据类型</translation>
        </message>
        <message>
            <source>Give the kind of document and its number, e.g. print voucher V2611-0042 --out voucher.pdf</source>
            <translation>请给出单据类型和编号，例如：print voucher V2611-0042 --out voucher.pdf</translation>
        </message>
        <message>
            <source>Give either --out or --printer, not both.</source>
            <translation>--out 与 --printer 只能选其一。</translation>
        </message>
        <message>
            <source>Not printed: {detail}</source>
            <translation>未打印：{detail}</translation>
        </message>
        <message>
            <source>Sent {name} to {printer} ({pages} page(s)){reprint}.</source>
            <translation>已将 {name} 发送到 {printer}（共 {pages} 页）{reprint}。</translation>
        </message>
        <message>
            <source>, marked as a reprint</source>
            <translation>，标记为补打</translation>
        </message>
        <message>
            <source>Cannot write {path}: {detail}</source>
            <translation>无法写入 {path}：{detail}</translation>
        </message>
        <message>
            <source>Wrote {path} ({size} KB).</source>
            <translation>已写入 {path}（{size} KB）。</translation>
        </message>
        <message>
            <source>write a numbered document (voucher, receipt, tag, report) as a PDF, or print it (--printer)</source>
            <translation>将编号单据（服务凭证、收据、修护卡、报表）输出为 PDF，或直接打印（--printer）</translation>
        </message>
        <message>
            <source>No daily report {number}: use 2026-11-18 or 2026-11-18/5.</source>
            <translation>没有日报表 {number}：请用 2026-11-18 或 2026-11-18/5。</translation>
        </message>
        <message>
            <source>Unknown test page format {value}: use one of {known}.</source>
            <translation>未知的测试页格式 {value}：请使用 {known} 之一。</translation>
        </message>
        <message>
            <source>{value} is not a month (YYYY-MM).</source>
            <translation>{value} 不是月份（YYYY-MM）。</translation>
        </message>
        <message>
            <source>There is no printable document kind {kind}. Known kinds: {known}.</source>
            <translation>没有可打印的单据类型 {kind}。可用类型：{known}。</translation>
        </message>
        <message>
            <source>No such technician.</source>
            <translation>没有这位技术员。</translation>
        </message>
        <message>
            <source>No service voucher with the number {number}.</source>
            <translation>没有编号为 {number} 的服务凭证。</translation>
        </message>
        <message>
            <source>The work stopped on an error: {error}</source>
            <translation>处理因错误中断：{error}</translation>
        </message>
        <message>
            <source>Enter a whole number.</source>
            <translation>请输入整数。</translation>
        </message>
        <message>
            <source>Customer holds the receipt</source>
            <translation>客户持有收据</translation>
        </message>
        <message>
            <source>Receipt taken back (void)</source>
            <translation>收据已收回（作废）</translation>
        </message>
        <message>
            <source>Receipt lost (void)</source>
            <translation>收据遗失（作废）</translation>
        </message>
        <message>
            <source>{n} days late</source>
            <translation>逾期 {n} 天</translation>
        </message>
        <message>
            <source>waiting for parts</source>
            <translation>待料中</translation>
        </message>
        <message>
            <source>Receipt No.</source>
            <translation>收据号</translation>
        </message>
        <message>
            <source>Customer satisfaction survey register</source>
            <translation>顾客满意度调查情况登记表</translation>
        </message>
        <message>
            <source>Customer complaint register</source>
            <translation>客户投诉处理登记表</translation>
        </message>
        <message>
            <source>Information feedback analysis register</source>
            <translation>信息反馈分析登记表</translation>
        </message>
        <message>
            <source>Quality follow-up and customer opinion register</source>
            <translation>质量回访、顾客意见记录表</translation>
        </message>
        <message>
            <source>Customer register</source>
            <translation>用户登记表</translation>
        </message>
        <message>
            <source>Card No.</source>
            <translation>修护卡号</translation>
        </message>
        <message>
            <source>After-sales expenses register</source>
            <translation>售后服务费用登记表</translation>
        </message>
        <message>
            <source>Issued on</source>
            <translation>开立日期</translation>
        </message>
        <message>
            <source>Survey card No.</source>
            <translation>调查卡号</translation>
        </message>
        <message>
            <source>Call No.</source>
            <translation>叫修单号</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Served by</source>
            <translation>服务人员</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Came back on</source>
            <translation>收回日期</translation>
        </message>
        <message>
            <source>Attitude</source>
            <translation>态度</translation>
        </message>
        <message>
            <source>Skill</source>
            <translation>技术</translation>
        </message>
        <message>
            <source>Arrival time</source>
            <translation>到达时间</translation>
        </message>
        <message>
            <source>Follow-through on promises</source>
            <translation>答应事情的办理</translation>
        </message>
        <message>
            <source>Customer's comments</source>
            <translation>客户意见</translation>
        </message>
        <message>
            <source>Complaint No.</source>
            <translation>投诉编号</translation>
        </message>
        <message>
            <source>Accepted on</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Kind of complaint</source>
            <translation>投诉类别</translation>
        </message>
        <message>
            <source>Department in charge</source>
            <translation>处理部门</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>投诉内容</translation>
        </message>
        <message>
            <source>Visited on</source>
            <translation>走访日期</translation>
        </message>
        <message>
            <source>Visited by</source>
            <translation>走访人</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>处理情况</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>结案日期</translation>
        </message>
        <message>
            <source>Days to close</source>
            <translation>结案天数</translation>
        </message>
        <message>
            <source>Received on</source>
            <translation>收到日期</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>From record</source>
            <translation>来源单号</translation>
        </message>
        <message>
            <source>What the customer said</source>
            <translation>客户意见</translation>
        </message>
        <message>
            <source>Analysis</source>
            <translation>分析</translation>
        </message>
        <message>
            <source>Sent to</source>
            <translation>送往部门</translation>
        </message>
        <message>
            <source>Sent on</source>
            <translation>送出日期</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Called on</source>
            <translation>回访日期</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术员</translation>
        </message>
        <message>
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <source>Customer's opinion</source>
            <translation>顾客意见</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>叫修数</translation>
        </message>
        <message>
            <source>Last call</source>
            <translation>最近叫修</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>客户投诉</translation>
        </message>
        <message>
            <source>Spent on</source>
            <translation>支出日期</translation>
        </message>
        <message>
            <source>Kind of expense</source>
            <translation>费用类别</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>个人</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>凭证号</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Choose a register.</source>
            <translation>请选择登记表。</translation>
        </message>
        <message>
            <source>The end date is before the start date.</source>
            <translation>结束日期早于开始日期。</translation>
        </message>
        <message>
            <source>Accessories</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>外观状况</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>故障</translation>
        </message>
        <message>
            <source>Taken in at</source>
            <translation>收件时间</translation>
        </message>
        <message>
            <source>Promised date</source>
            <translation>承诺日期</translation>
        </message>
        <message>
            <source>Time spent</source>
            <translation>所用时间</translation>
        </message>
        <message>
            <source>{n} min</source>
            <translation>{n} 分钟</translation>
        </message>
        <message>
            <source>Parts</source>
            <translation>零件</translation>
        </message>
        <message>
            <source>{name}: waiting for parts, promised {old} → {new}: {reason}</source>
            <translation>{name}：待料，约定日期 {old} → {new}：{reason}</translation>
        </message>
        <message>
            <source>{name} asked for help: {note}</source>
            <translation>{name} 报请协助：{note}</translation>
        </message>
        <message>
            <source>{name} answered: {answer}</source>
            <translation>{name} 答复：{answer}</translation>
        </message>
        <message>
            <source>Inspection passed</source>
            <translation>验讫合格</translation>
        </message>
        <message>
            <source>Inspection failed</source>
            <translation>验讫不合格</translation>
        </message>
        <message>
            <source>Returned to {name}</source>
            <translation>交还 {name}</translation>
        </message>
        <message>
            <source>Select a voucher first.</source>
            <translation>请先选择凭证。</translation>
        </message>
        <message>
            <source>Visit recorded on {number}.</source>
            <translation>已记录 {number} 的上门情况。</translation>
        </message>
        <message>
            <source>Arrival recorded on {number}.</source>
            <translation>已记录 {number} 的到达时间。</translation>
        </message>
        <message>
            <source>Call {call} closed; voucher {number} filed.</source>
            <translation>叫修 {call} 已注销，凭证 {number} 已归档。</translation>
        </message>
        <message>
            <source>Internal work logged.</source>
            <translation>内部工作已登记。</translation>
        </message>
        <message>
            <source>{h} h {m:02d} min</source>
            <translation>{h} 小时 {m:02d} 分</translation>
        </message>
        <message>
            <source>overdue {time}</source>
            <translation>已超时 {time}</translation>
        </message>
        <message>
            <source>Past the deadline</source>
            <translation>已超时</translation>
        </message>
        <message>
            <source>Due within the hour</source>
            <translation>一小时内到期</translation>
        </message>
        <message>
            <source>Within the deadline</source>
            <translation>时间充裕</translation>
        </message>
        <message>
            <source>&lt;b&gt;Bold no.&lt;/b&gt;: urgent</source>
            <translation>&lt;b&gt;粗体编号&lt;/b&gt;：紧急</translation>
        </message>
        <message>
            <source>The customer chased this call {count} times: dispatch first</source>
            <translation>客户已催修 {count} 次：请优先派工</translation>
        </message>
        <message>
            <source>Left over from an earlier day: dispatch first</source>
            <translation>前一天遗留：请优先派工</translation>
        </message>
        <message>
            <source>(proposed {category})</source>
            <translation>（建议 {category}）</translation>
        </message>
        <message>
            <source>Reply promised by {when}</source>
            <translation>承诺于 {when} 前答复</translation>
        </message>
        <message>
            <source>resolved {when}</source>
            <translation>已解决 {when}</translation>
        </message>
        <message>
            <source>resolve by {when}</source>
            <translation>须于 {when} 前解决</translation>
        </message>
        <message>
            <source>reply by {when}</source>
            <translation>须于 {when} 前答复</translation>
        </message>
        <message>
            <source>Arrived after the deadline</source>
            <translation>超过时限到达</translation>
        </message>
        <message>
            <source>This command works on a SQLite database file; a server database is backed up with the server's own tools.</source>
            <translation>此命令只适用于 SQLite 数据库文件；服务器数据库请用服务器自带的工具备份。</translation>
        </message>
        <message>
            <source>backup folder (default: backups in the data folder)</source>
            <translation>备份文件夹（默认：数据文件夹中的 backups）</translation>
        </message>
        <message>
            <source>keep every older backup</source>
            <translation>保留所有旧备份</translation>
        </message>
        <message>
            <source>Backup written: {path} ({size} bytes, check: {result})</source>
            <translation>已写入备份：{path}（{size} 字节，检查结果：{result}）</translation>
        </message>
        <message>
            <source>Removed old backup {path}</source>
            <translation>已删除旧备份 {path}</translation>
        </message>
        <message>
            <source>take a verified backup of the database now</source>
            <translation>立即备份数据库并校验</translation>
        </message>
        <message>
            <source>backup folder to report on</source>
            <translation>要检查的备份文件夹</translation>
        </message>
        <message>
            <source>Database {path}: check {result}; {calls} calls, {customers} customers.</source>
            <translation>数据库 {path}：检查结果 {result}；叫修 {calls} 条，客户 {customers} 位。</translation>
        </message>
        <message>
            <source>No backups found.</source>
            <translation>没有找到备份。</translation>
        </message>
        <message>
            <source>Newest backup: {path} ({when})</source>
            <translation>最新备份：{path}（{when}）</translation>
        </message>
        <message>
            <source>Warning: the newest backup is more than a day old.</source>
            <translation>警告：最新备份已超过一天。</translation>
        </message>
        <message>
            <source>check the database and its backups</source>
            <translation>检查数据库及其备份</translation>
        </message>
        <message>
            <source>the backup file to restore</source>
            <translation>要恢复的备份文件</translation>
        </message>
        <message>
            <source>where the copy of the current database goes</source>
            <translation>当前数据库副本的存放位置</translation>
        </message>
        <message>
            <source>the database file is gone: make it again from the backup</source>
            <translation>数据库文件已丢失：用备份重新生成</translation>
        </message>
        <message>
            <source>No such backup file: {file}</source>
            <translation>备份文件不存在：{file}</translation>
        </message>
        <message>
            <source>Warning: {file} has no record beside it (the .json written with each backup); it is checked for soundness, but whether it was changed since it was taken cannot be verified.</source>
            <translation>警告：{file} 旁边没有备份记录（每次备份时写入的 .json）；已检查其完好性，但无法核实它在备份之后是否被改动过。</translation>
        </message>
        <message>
            <source>Restored {file}. The database as it was is kept in {before}.</source>
            <translation>已从 {file} 恢复。恢复前的数据库保存在 {before}。</translation>
        </message>
        <message>
            <source>restore the database from a backup file</source>
            <translation>从备份文件恢复数据库</translation>
        </message>
        <message>
            <source>Restored {file} as {path}.</source>
            <translation>已将 {file} 恢复为 {path}。</translation>
        </message>
        <message>
            <source>Records of {table} cannot be recovered.</source>
            <translation>{table} 的记录不能从备份找回。</translation>
        </message>
        <message>
            <source>The backup holds no such record.</source>
            <translation>备份中没有这条记录。</translation>
        </message>
        <message>
            <source>Free: warranty or internal work, nothing billed.</source>
            <translation>免费：保修期内或内部工作，不收费。</translation>
        </message>
        <message>
            <source>Contract: only what the maintenance contract does not cover.</source>
            <translation>合同服务：只收保养合同不包含的部分。</translation>
        </message>
        <message>
            <source>Paid service: labour, parts and transport.</source>
            <translation>有费服务：收取工时费、零件费和交通费。</translation>
        </message>
        <message>
            <source>Unknown kind of line.</source>
            <translation>未知的收费项目类型。</translation>
        </message>
        <message>
            <source>Too large: at most {max}.</source>
            <translation>太大了：最多 {max}。</translation>
        </message>
        <message>
            <source>The discount cannot exceed what the customer pays.</source>
            <translation>折扣不能超过客户应付金额。</translation>
        </message>
        <message>
            <source>Money was already taken on this bill: void the payment before changing the bill.</source>
            <translation>此收费单已有收款：请先作废收款，再修改收费单。</translation>
        </message>
        <message>
            <source>No such bill.</source>
            <translation>没有这张收费单。</translation>
        </message>
        <message>
            <source>No call, voucher or receipt with the number {number}.</source>
            <translation>没有编号为 {number} 的叫修单、服务凭证或收据。</translation>
        </message>
        <message>
            <source>The last step must cover every later day.</source>
            <translation>最后一档必须涵盖之后的所有天数。</translation>
        </message>
        <message>
            <source>Day limits must rise from step to step.</source>
            <translation>各档的天数上限必须逐档递增。</translation>
        </message>
        <message>
            <source>A percentage is between 0 and 100.</source>
            <translation>百分比须在 0 到 100 之间。</translation>
        </message>
        <message>
            <source>The sale date is after the return date.</source>
            <translation>销售日期晚于退货日期。</translation>
        </message>
        <message>
            <source>The item has no purchase date on file.</source>
            <translation>档案中没有这件商品的购买日期。</translation>
        </message>
        <message>
            <source>Exchanges and refunds are for items inside the warranty.</source>
            <translation>只有保修期内的商品才能换货或退货。</translation>
        </message>
        <message>
            <source>Choose exchange or refund.</source>
            <translation>请选择换货或退货。</translation>
        </message>
        <message>
            <source>No item with the serial number {serial}.</source>
            <translation>没有序列号为 {serial} 的商品。</translation>
        </message>
        <message>
            <source>Choose how the customer paid.</source>
            <translation>请选择付款方式。</translation>
        </message>
        <message>
            <source>Choose where the money was taken.</source>
            <translation>请选择收款地点。</translation>
        </message>
        <message>
            <source>Money taken on site needs a technician's voucher: this call was never dispatched.</source>
            <translation>上门收款须有技术员的服务凭证：此叫修尚未派工。</translation>
        </message>
        <message>
            <source>The amount must be more than zero and at most what is still owed ({owed}).</source>
            <translation>金额必须大于零，且不超过尚欠金额（{owed}）。</translation>
        </message>
        <message>
            <source>Choose the payments handed over.</source>
            <translation>请选择交回的款项。</translation>
        </message>
        <message>
            <source>One hand-over is the money of one technician.</source>
            <translation>一次交款只能是一位技术员的款项。</translation>
        </message>
        <message>
            <source>{counted} handed over but {recorded} recorded: give the reason for the difference.</source>
            <translation>实交 {counted}，记录为 {recorded}：请注明差额原因。</translation>
        </message>
        <message>
            <source>No such payment.</source>
            <translation>没有这笔收款。</translation>
        </message>
        <message>
            <source>Payment {number} is not waiting for hand-over.</source>
            <translation>收款 {number} 不在待交款之列。</translation>
        </message>
        <message>
            <source>This payment is already void.</source>
            <translation>这笔收款已经作废。</translation>
        </message>
        <message>
            <source>No payment receipt with the number {number}.</source>
            <translation>没有编号为 {number} 的收据。</translation>
        </message>
        <message>
            <source>Invoice number {number} is already recorded.</source>
            <translation>发票号 {number} 已登记过。</translation>
        </message>
        <message>
            <source>An invoice cannot exceed what was billed ({left} left to invoice).</source>
            <translation>发票金额不能超过收费金额（尚可开票 {left}）。</translation>
        </message>
        <message>
            <source>This bill already has an invoice for that amount.</source>
            <translation>此收费单已开过相同金额的发票。</translation>
        </message>
        <message>
            <source>No such invoice.</source>
            <translation>没有这张发票。</translation>
        </message>
        <message>
            <source>what to export</source>
            <translation>要导出的内容</translation>
        </message>
        <message>
            <source>the month, e.g. 2026-10</source>
            <translation>月份，例如 2026-10</translation>
        </message>
        <message>
            <source>where to write the workbook (default: the suggested name in the current folder)</source>
            <translation>工作簿的保存位置（默认：当前文件夹中的建议文件名）</translation>
        </message>
        <message>
            <source>Cannot write {path}: the folder does not exist or is not writable.</source>
            <translation>无法写入 {path}：文件夹不存在或不可写。</translation>
        </message>
        <message>
            <source>Wrote {path}</source>
            <translation>已写入 {path}</translation>
        </message>
        <message>
            <source>export the monthly summary as an Excel workbook</source>
            <translation>把月度统计报表导出为 Excel 工作簿</translation>
        </message>
        <message>
            <source>{month} is not a month (write it as 2026-10).</source>
            <translation>{month} 不是有效月份（请写成 2026-10）。</translation>
        </message>
        <message>
            <source>That month has not begun yet.</source>
            <translation>该月份尚未开始。</translation>
        </message>
        <message>
            <source>Installation and commissioning: person-times</source>
            <translation>安装调试：人次</translation>
        </message>
        <message>
            <source>Installation and commissioning: person-days</source>
            <translation>安装调试：人日</translation>
        </message>
        <message>
            <source>Installation and commissioning: cost</source>
            <translation>安装调试：费用</translation>
        </message>
        <message>
            <source>Dispatches: person-times</source>
            <translation>派工：人次</translation>
        </message>
        <message>
            <source>Dispatches: person-days</source>
            <translation>派工：人日</translation>
        </message>
        <message>
            <source>Dispatches: cost</source>
            <translation>派工：费用</translation>
        </message>
        <message>
            <source>Carry-in repairs: labour cost</source>
            <translation>带回修理：工时费用</translation>
        </message>
        <message>
            <source>Materials cost</source>
            <translation>材料费</translation>
        </message>
        <message>
            <source>Transport cost</source>
            <translation>交通费</translation>
        </message>
        <message>
            <source>Total after-sales cost</source>
            <translation>售后服务总费用</translation>
        </message>
        <message>
            <source>Calls received</source>
            <translation>受理叫修</translation>
        </message>
        <message>
            <source>Calls by phone</source>
            <translation>电话叫修</translation>
        </message>
        <message>
            <source>Calls by letter</source>
            <translation>信函叫修</translation>
        </message>
        <message>
            <source>Calls by e-mail</source>
            <translation>电子邮件叫修</translation>
        </message>
        <message>
            <source>Walk-in calls</source>
            <translation>来店叫修</translation>
        </message>
        <message>
            <source>Calls from the web</source>
            <translation>网站叫修</translation>
        </message>
        <message>
            <source>Jobs A paid service</source>
            <translation>A 类有费服务</translation>
        </message>
        <message>
            <source>Jobs B contract service</source>
            <translation>B 类合同服务</translation>
        </message>
        <message>
            <source>Jobs C free (warranty)</source>
            <translation>C 类免费服务</translation>
        </message>
        <message>
            <source>Jobs D internal work</source>
            <translation>D 类一般行政工作</translation>
        </message>
        <message>
            <source>Completed on site</source>
            <translation>现场完工</translation>
        </message>
        <message>
            <source>Taken in from site</source>
            <translation>上门后带回</translation>
        </message>
        <message>
            <source>Dispatch deadline met</source>
            <translation>派工时限达成率</translation>
        </message>
        <message>
            <source>Average time to arrival (business hours)</source>
            <translation>平均到达时间（营业小时）</translation>
        </message>
        <message>
            <source>Carry-ins taken in</source>
            <translation>带回/送修收件</translation>
        </message>
        <message>
            <source>Carry-ins returned</source>
            <translation>修复交还</translation>
        </message>
        <message>
            <source>Average turnaround (days)</source>
            <translation>平均修复周期（天）</translation>
        </message>
        <message>
            <source>Items in the store at month end</source>
            <translation>月末在店商品</translation>
        </message>
        <message>
            <source>Revenue billed</source>
            <translation>应收金额</translation>
        </message>
        <message>
            <source>Revenue collected</source>
            <translation>实收金额</translation>
        </message>
        <message>
            <source>Invoices issued</source>
            <translation>开具发票数</translation>
        </message>
        <message>
            <source>Invoiced amount</source>
            <translation>发票金额</translation>
        </message>
        <message>
            <source>Cash not yet handed over at month end</source>
            <translation>月末尚未上交的现金</translation>
        </message>
        <message>
            <source>{value} is not an amount of money. Enter yuan and fen, such as 80 or 1,234.50.</source>
            <translation>{value} 不是金额。请按元和分输入，例如 80 或 1,234.50。</translation>
        </message>
        <message>
            <source>At most two decimals: an amount is in yuan and fen (such as 12.35).</source>
            <translation>最多两位小数：金额以元和分计（例如 12.35）。</translation>
        </message>
        <message>
            <source>{value} is not a number.</source>
            <translation>{value} 不是数字。</translation>
        </message>
        <message>
            <source>At most {n} decimals.</source>
            <translation>最多 {n} 位小数。</translation>
        </message>
        <message>
            <source>Enter a number from {low} to {high}.</source>
            <translation>请输入 {low} 到 {high} 之间的数。</translation>
        </message>
        <message>
            <source>A negative amount is not allowed here.</source>
            <translation>这里不能输入负数金额。</translation>
        </message>
        <message>
            <source>No such receipt.</source>
            <translation>没有这张收据。</translation>
        </message>
        <message>
            <source>No such request for help.</source>
            <translation>没有这条协助申请。</translation>
        </message>
        <message>
            <source>This request was already answered.</source>
            <translation>此协助申请已答复。</translation>
        </message>
        <message>
            <source>The new promised date cannot be in the past.</source>
            <translation>新的约定日期不能早于今天。</translation>
        </message>
        <message>
            <source>This report is {status}; it cannot be {step} now.</source>
            <translation>此日报表状态为 {status}，现在不能执行“{step}”。</translation>
        </message>
        <message>
            <source>Not yet reviewed: {names}.</source>
            <translation>尚未核阅：{names}。</translation>
        </message>
        <message>
            <source>Enter an amount such as 80 or 80.50.</source>
            <translation>请输入金额，例如 80 或 80.50。</translation>
        </message>
        <message>
            <source>The month has not ended yet: its statistics are produced from the 1st of the next month.</source>
            <translation>该月尚未结束：统计表须于次月1日起编制。</translation>
        </message>
        <message>
            <source>Choose the department it is sent to.</source>
            <translation>请选择送往的部门。</translation>
        </message>
        <message>
            <source>No such feedback.</source>
            <translation>没有这条反馈。</translation>
        </message>
        <message>
            <source>Monthly service summary</source>
            <translation>月度服务汇总表</translation>
        </message>
        <message>
            <source>Complaint statistics</source>
            <translation>客户投诉案件统计表</translation>
        </message>
        <message>
            <source>The month has not ended yet.</source>
            <translation>该月尚未结束。</translation>
        </message>
        <message>
            <source>This month's summary was already handed in.</source>
            <translation>该月汇总表已上报。</translation>
        </message>
        <message>
            <source>Choose the kind of expense.</source>
            <translation>请选择费用类别。</translation>
        </message>
        <message>
            <source>Enter the amount spent.</source>
            <translation>请填写支出金额。</translation>
        </message>
        <message>
            <source>Choose who spent it.</source>
            <translation>请选择支出人。</translation>
        </message>
        <message>
            <source>No voucher with the number {number}.</source>
            <translation>没有编号为 {number} 的服务凭证。</translation>
        </message>
        <message>
            <source>Actual after-sales expenses (reimbursed)</source>
            <translation>实际售后服务费用（报销）</translation>
        </message>
        <message>
            <source>Choose a technician.</source>
            <translation>请选择技术员。</translation>
        </message>
        <message>
            <source>Call registered</source>
            <translation>叫修已登记</translation>
        </message>
        <message>
            <source>Technician on the way</source>
            <translation>技术员已出发</translation>
        </message>
        <message>
            <source>Item ready for collection</source>
            <translation>商品已修好待领取</translation>
        </message>
        <message>
            <source>Waiting for parts</source>
            <translation>等待配件</translation>
        </message>
        <message>
            <source>Contract ending</source>
            <translation>合同即将到期</translation>
        </message>
        <message>
            <source>Complaint outcome</source>
            <translation>投诉处理结果</translation>
        </message>
        <message>
            <source>Survey invitation</source>
            <translation>满意度调查邀请</translation>
        </message>
        <message>
            <source>No such message template.</source>
            <translation>没有这个短信模板。</translation>
        </message>
        <message>
            <source>A placeholder's brace is not closed.</source>
            <translation>占位符的大括号没有闭合。</translation>
        </message>
        <message>
            <source>Unknown placeholder: {names}. Allowed: {allowed}.</source>
            <translation>未知的占位符：{names}。可用：{allowed}。</translation>
        </message>
        <message>
            <source>No such message.</source>
            <translation>没有这条短信。</translation>
        </message>
        <message>
            <source>Only a failed or interrupted message can be sent again.</source>
            <translation>只有发送失败或中断的短信才能重新发送。</translation>
        </message>
        <message>
            <source>This call is closed: register a new call instead.</source>
            <translation>该叫修已完结，请新建叫修。</translation>
        </message>
        <message>
            <source>{kind} {number} belongs to call {call}.</source>
            <translation>{kind} {number} 属于叫修 {call}。</translation>
        </message>
        <message>
            <source>Contract {number}.</source>
            <translation>合同 {number}。</translation>
        </message>
        <message>
            <source>{kind} {number} is not in a book you may open.</source>
            <translation>{kind} {number} 不在您可打开的簿册中。</translation>
        </message>
        <message>
            <source>Caller-ID device not available: {detail} (retrying)</source>
            <translation>来电显示设备不可用：{detail}（正在重试）</translation>
        </message>
        <message>
            <source>Give the PostgreSQL server with --db, e.g. postgresql+psycopg://user@host/dbname</source>
            <translation>请用 --db 指定 PostgreSQL 服务器，例如 postgresql+psycopg://用户@主机/库名</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <source>No password given; nothing was changed.</source>
            <translation>未输入密码，未做任何更改。</translation>
        </message>
        <message>
            <source>The password of {user} on {host} is kept in {file} (only you can read it).</source>
            <translation>{host} 上用户 {user} 的密码已保存在 {file}（只有您本人可读）。</translation>
        </message>
        <message>
            <source>keep the password of a PostgreSQL server in the password file (asked for, never on the command line)</source>
            <translation>把 PostgreSQL 服务器的密码保存到密码文件（运行时询问，绝不写在命令行上）</translation>
        </message>
        <message>
            <source>Enter the server's name or address.</source>
            <translation>请输入服务器的名称或地址。</translation>
        </message>
        <message>
            <source>Enter the database's name.</source>
            <translation>请输入数据库名称。</translation>
        </message>
        <message>
            <source>Enter the user name.</source>
            <translation>请输入用户名。</translation>
        </message>
        <message>
            <source>A server on another computer is reached encrypted only: choose one of the encrypted ways.</source>
            <translation>其他电脑上的服务器只能通过加密连接访问：请选择一种加密方式。</translation>
        </message>
        <message>
            <source>Choose the server's root certificate file (needed to check the server).</source>
            <translation>请选择服务器的根证书文件（用于验证服务器）。</translation>
        </message>
        <message>
            <source>The password cannot be kept in the password file.</source>
            <translation>无法把密码保存到密码文件。</translation>
        </message>
        <message>
            <source>a record of another branch</source>
            <translation>另一分公司的记录</translation>
        </message>
        <message>
            <source>open a branch</source>
            <translation>开设分公司</translation>
        </message>
        <message>
            <source>Enter the branch code (two digits, like 02).</source>
            <translation>请输入分公司代码（两位数字，如 02）。</translation>
        </message>
        <message>
            <source>rename a branch</source>
            <translation>修改分公司名称</translation>
        </message>
        <message>
            <source>close or reopen a branch</source>
            <translation>停用或恢复分公司</translation>
        </message>
        <message>
            <source>No such branch.</source>
            <translation>没有这个分公司。</translation>
        </message>
        <message>
            <source>A branch code is two digits, like 02.</source>
            <translation>分公司代码为两位数字，如 02。</translation>
        </message>
        <message>
            <source>The branch code {code} is taken.</source>
            <translation>分公司代码 {code} 已被使用。</translation>
        </message>
        <message>
            <source>The file holds several branches: a company's database, not a store's.</source>
            <translation>这个文件里有多个分公司：是公司的数据库，不是门店的。</translation>
        </message>
        <message>
            <source>The branch code {code} is taken: this store may be in the company already.</source>
            <translation>分公司代码 {code} 已被使用：这家门店可能已经并入公司。</translation>
        </message>
        <message>
            <source>The company already has these numbers (invoices keep theirs): {numbers}. Nothing was copied.</source>
            <translation>公司已有这些编号（发票号码保持不变）：{numbers}。未复制任何数据。</translation>
        </message>
        <message>
            <source>The company already uses these usernames, also with the branch code added: {names}. Rename them in the store first.</source>
            <translation>公司已有这些用户名（加上分公司代码后也重复）：{names}。请先在门店里改名。</translation>
        </message>
        <message>
            <source>The copy did not verify, nothing was changed: {problems}</source>
            <translation>复制后核对不符，数据未作任何改动：{problems}</translation>
        </message>
        <message>
            <source>the settings of another branch or of the company</source>
            <translation>其他分公司或公司的设置</translation>
        </message>
    </context>
    <context>
        <name>AskForHelpDialog</name>
        <message>
            <source>Ask the supervisor for help</source>
            <translation>报请服务主任协助</translation>
        </message>
        <message>
            <source>{card}: {item}. What help do you need?</source>
            <translation>{card}：{item}。需要什么协助？</translation>
        </message>
        <message>
            <source>Ask for help</source>
            <translation>报请协助</translation>
        </message>
        <message>
            <source>The help needed (required)</source>
            <translation>需协助事项（必填）</translation>
        </message>
    </context>
    <context>
        <name>Backup</name>
        <message>
            <source>Backup failed</source>
            <translation>备份失败</translation>
        </message>
        <message>
            <source>The daily backup failed unexpectedly ({detail}); the details are in the log.</source>
            <translation>每日备份意外失败（{detail}）；详情已写入日志。</translation>
        </message>
        <message>
            <source>{reason}

The counter keeps working and nothing entered is lost, but today has no backup yet: it is tried again while the application runs. Tell your administrator.</source>
            <translation>{reason}

服务台可以照常使用，已录入的内容不会丢失，但今天还没有备份：程序运行期间会再次尝试。请告知管理员。</translation>
        </message>
        <message>
            <source>Today's backup {name} did not pass its check ({result}).</source>
            <translation>今天的备份 {name} 未通过检查（{result}）。</translation>
        </message>
    </context>
    <context>
        <name>BackupPage</name>
        <message>
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <source>Restore this backup…</source>
            <translation>恢复此备份…</translation>
        </message>
        <message>
            <source>Find a record in this backup…</source>
            <translation>在此备份中查找记录…</translation>
        </message>
        <message>
            <source>Change folder…</source>
            <translation>更改文件夹…</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>数据备份</translation>
        </message>
        <message>
            <source>Backup folder: {folder}</source>
            <translation>备份文件夹：{folder}</translation>
        </message>
        <message>
            <source>Taken at</source>
            <translation>备份时间</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Size (MB)</source>
            <translation>大小 (MB)</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>校验</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>叫修数</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>客户数</translation>
        </message>
        <message>
            <source>sound</source>
            <translation>完好</translation>
        </message>
        <message>
            <source>Daily</source>
            <translation>每日</translation>
        </message>
        <message>
            <source>On demand</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>Before upgrade</source>
            <translation>升级前</translation>
        </message>
        <message>
            <source>Before restore</source>
            <translation>恢复前</translation>
        </message>
        <message>
            <source>Backup failed</source>
            <translation>备份失败</translation>
        </message>
        <message>
            <source>Backup written: {name} ({result})</source>
            <translation>已写入备份：{name}（{result}）</translation>
        </message>
        <message>
            <source>Restore the database as it was at {name}? The current database is backed up first, then the application restarts.</source>
            <translation>要把数据库恢复到 {name} 时的状态吗？程序会先备份当前数据库，然后重新启动。</translation>
        </message>
        <message>
            <source>This backup has no record beside it: it is checked for soundness, but whether it was changed since it was taken cannot be verified.</source>
            <translation>这个备份旁边没有备份记录：已检查其完好性，但无法核实它在备份之后是否被改动过。</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Restore failed</source>
            <translation>恢复失败</translation>
        </message>
        <message>
            <source>Backup folder</source>
            <translation>备份文件夹</translation>
        </message>
    </context>
    <context>
        <name>BillDialog</name>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Charged</source>
            <translation>收费</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Transport</source>
            <translation>交通费</translation>
        </message>
        <message>
            <source>Parts</source>
            <translation>零件</translation>
        </message>
        <message>
            <source>Labour</source>
            <translation>工时费</translation>
        </message>
        <message>
            <source>Add line</source>
            <translation>添加项目</translation>
        </message>
        <message>
            <source>Save bill</source>
            <translation>保存收费单</translation>
        </message>
        <message>
            <source>Take payment…</source>
            <translation>收款…</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Discount (yuan)</source>
            <translation>折扣（元）</translation>
        </message>
        <message>
            <source>Reason for the discount</source>
            <translation>折扣原因</translation>
        </message>
        <message>
            <source>Bill for {number} — {customer}</source>
            <translation>{number} 的收费单 — {customer}</translation>
        </message>
        <message>
            <source>covered</source>
            <translation>免收</translation>
        </message>
        <message>
            <source>charged</source>
            <translation>收费</translation>
        </message>
        <message>
            <source>Gross {gross} · covered {covered} · discount {discount} · to pay {total} · paid {paid}</source>
            <translation>合计 {gross} · 免收 {covered} · 折扣 {discount} · 应付 {total} · 已付 {paid}</translation>
        </message>
        <message>
            <source>Bill saved: {total} to pay.</source>
            <translation>收费单已保存：应付 {total}。</translation>
        </message>
    </context>
    <context>
        <name>BranchPicker</name>
        <message>
            <source>Values of</source>
            <translation>设置对象</translation>
        </message>
        <message>
            <source>A branch without its own value uses the company's.</source>
            <translation>分公司未单独设置的项目沿用公司的设置。</translation>
        </message>
        <message>
            <source>Company defaults</source>
            <translation>公司默认值</translation>
        </message>
    </context>
    <context>
        <name>BranchTransferDialog</name>
        <message>
            <source>Move between branches: {part}</source>
            <translation>分公司间调拨：{part}</translation>
        </message>
        <message>
            <source>{branch} (holds {held})</source>
            <translation>{branch}（现有 {held}）</translation>
        </message>
        <message>
            <source>&amp;From branch</source>
            <translation>调出分公司(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;To branch</source>
            <translation>调入分公司(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Quantity</source>
            <translation>数量(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>备注(&amp;N)</translation>
        </message>
    </context>
    <context>
        <name>BranchesTab</name>
        <message>
            <source>Branch</source>
            <translation>分公司</translation>
        </message>
        <message>
            <source>Service centre</source>
            <translation>服务中心</translation>
        </message>
        <message>
            <source>two digits, like 02</source>
            <translation>两位数字，如 02</translation>
        </message>
        <message>
            <source>e.g. Hangzhou branch</source>
            <translation>如：杭州分公司</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>New branch</source>
            <translation>新建分公司</translation>
        </message>
        <message>
            <source>Save branch</source>
            <translation>保存分公司</translation>
        </message>
        <message>
            <source>(no name yet)</source>
            <translation>（尚未命名）</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Active: its people log in as usual.</source>
            <translation>启用中：其人员照常登录。</translation>
        </message>
        <message>
            <source>Closed: its people cannot log in; its records stay.</source>
            <translation>已停用：其人员不能登录；记录保留。</translation>
        </message>
        <message>
            <source>Reopen the branch</source>
            <translation>恢复分公司</translation>
        </message>
        <message>
            <source>Close the branch</source>
            <translation>停用分公司</translation>
        </message>
        <message>
            <source>The branch is reopened.</source>
            <translation>分公司已恢复。</translation>
        </message>
        <message>
            <source>The branch is closed.</source>
            <translation>分公司已停用。</translation>
        </message>
        <message>
            <source>Close {name}? Its people can no longer log in; its records stay, and reopening it lets them in again.</source>
            <translation>停用{name}？其人员将不能登录；记录保留，恢复后即可再登录。</translation>
        </message>
    </context>
    <context>
        <name>BusinessHoursTab</name>
        <message>
            <source>Monday</source>
            <translation>星期一</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>星期二</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>星期三</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>星期四</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>星期五</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>星期六</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>星期日</translation>
        </message>
        <message>
            <source>Save hours</source>
            <translation>保存营业时间</translation>
        </message>
        <message>
            <source>Weekday</source>
            <translation>星期</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>营业</translation>
        </message>
        <message>
            <source>Opens at</source>
            <translation>上班时间</translation>
        </message>
        <message>
            <source>Closes at</source>
            <translation>下班时间</translation>
        </message>
    </context>
    <context>
        <name>CallEditDialog</name>
        <message>
            <source>Edit call {number}</source>
            <translation>修改叫修 {number}</translation>
        </message>
        <message>
            <source>Why is the call changed? (required)</source>
            <translation>修改原因（必填）</translation>
        </message>
        <message>
            <source>&amp;Item</source>
            <translation>商品(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Fault</source>
            <translation>故障(&amp;F)</translation>
        </message>
        <message>
            <source>C&amp;hannel</source>
            <translation>来源(&amp;H)</translation>
        </message>
        <message>
            <source>Ser&amp;vice</source>
            <translation>服务项目(&amp;V)</translation>
        </message>
        <message>
            <source>Ur&amp;gency</source>
            <translation>紧急程度(&amp;G)</translation>
        </message>
        <message>
            <source>R&amp;eceived</source>
            <translation>受理时间(&amp;E)</translation>
        </message>
        <message>
            <source>Rea&amp;son</source>
            <translation>原因(&amp;S)</translation>
        </message>
        <message>
            <source>(no item / not known)</source>
            <translation>（不指定商品 / 不详）</translation>
        </message>
    </context>
    <context>
        <name>CallLogPage</name>
        <message>
            <source>Search customer, phone, model, serial no., fault…</source>
            <translation>搜索客户、电话、型号、机号、故障…</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>未结</translation>
        </message>
        <message>
            <source>All channels</source>
            <translation>全部来源</translation>
        </message>
        <message>
            <source>any day</source>
            <translation>不限</translation>
        </message>
        <message>
            <source>All zones</source>
            <translation>全部区域</translation>
        </message>
        <message>
            <source>New call</source>
            <translation>新叫修</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <source>Cancel call…</source>
            <translation>注销叫修…</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史记录</translation>
        </message>
        <message>
            <source>Customer file</source>
            <translation>客户资料袋</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>From</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>To</source>
            <translation>结束</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>No call matches “{text}”.</source>
            <translation>没有与“{text}”相符的叫修。</translation>
        </message>
        <message>
            <source>more than {n} calls</source>
            <translation>超过 {n} 条叫修</translation>
        </message>
        <message>
            <source>{n} calls</source>
            <translation>共 {n} 条叫修</translation>
        </message>
        <message>
            <source>Chase (催修) recorded on call {number}.</source>
            <translation>已在叫修 {number} 上记录催修。</translation>
        </message>
        <message>
            <source>Call {number} registered.</source>
            <translation>叫修 {number} 已登记。</translation>
        </message>
        <message>
            <source>Call {number} changed.</source>
            <translation>叫修 {number} 已修改。</translation>
        </message>
        <message>
            <source>Cancel call {number}</source>
            <translation>注销叫修 {number}</translation>
        </message>
        <message>
            <source>The call stays in the book, marked cancelled. Why is it cancelled?</source>
            <translation>该叫修仍保留在登记簿中，标记为已注销。注销原因是什么？</translation>
        </message>
        <message>
            <source>Cancel the call</source>
            <translation>注销该叫修</translation>
        </message>
        <message>
            <source>Call {number} cancelled.</source>
            <translation>叫修 {number} 已注销。</translation>
        </message>
        <message>
            <source>History of call {number}</source>
            <translation>叫修 {number} 的历史记录</translation>
        </message>
    </context>
    <context>
        <name>CallLogTableModel</name>
        <message>
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>故障现象</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>服务类别</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Time left</source>
            <translation>剩余时间</translation>
        </message>
        <message>
            <source>Arrive by {when}</source>
            <translation>最迟 {when} 到达</translation>
        </message>
    </context>
    <context>
        <name>CallTakeInDialog</name>
        <message>
            <source>Take in call {number}</source>
            <translation>收件：叫修单 {number}</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>叫修单</translation>
        </message>
        <message>
            <source>&amp;Fault</source>
            <translation>故障(&amp;F)</translation>
        </message>
    </context>
    <context>
        <name>CarryInPage</name>
        <message>
            <source>Scan or type a receipt number, Enter</source>
            <translation>扫描或输入收据号，按回车</translation>
        </message>
        <message>
            <source>&amp;Late only</source>
            <translation>只看逾期(&amp;L)</translation>
        </message>
        <message>
            <source>Receipt No.</source>
            <translation>收据号</translation>
        </message>
        <message>
            <source>&amp;Walk-in take-in…</source>
            <translation>上门送修收件(&amp;W)…</translation>
        </message>
        <message>
            <source>Take in a &amp;call…</source>
            <translation>按叫修单收件(&amp;C)…</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <source>&amp;Inspect…</source>
            <translation>验讫(&amp;I)…</translation>
        </message>
        <message>
            <source>Ask for &amp;help…</source>
            <translation>报请协助(&amp;H)…</translation>
        </message>
        <message>
            <source>Waiting for &amp;parts…</source>
            <translation>待料(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Return…</source>
            <translation>取件(&amp;R)…</translation>
        </message>
        <message>
            <source>Receipt A5</source>
            <translation>收据 A5</translation>
        </message>
        <message>
            <source>Printed on {printer}.</source>
            <translation>已打印到 {printer}。</translation>
        </message>
        <message>
            <source>Printed again (marked as a reprint) on {printer}.</source>
            <translation>已再次打印到 {printer}（标记为补打）。</translation>
        </message>
        <message>
            <source>Taken in: {number} is saved.</source>
            <translation>已收件：{number} 已保存。</translation>
        </message>
        <message>
            <source>Printed: {documents}.</source>
            <translation>已打印：{documents}。</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>{document}: print it from its preview (this computer chooses the printer when printing).</source>
            <translation>{document}：请在打印预览中打印（本机设为打印时选择打印机）。</translation>
        </message>
        <message>
            <source>Not printed: {document}. {problem}</source>
            <translation>未打印：{document}。{problem}</translation>
        </message>
        <message>
            <source>Printing failed</source>
            <translation>打印失败</translation>
        </message>
        <message>
            <source>The take-in {number} is saved; nothing is lost. These documents did not print:</source>
            <translation>收件 {number} 已保存，不会丢失。以下单据未能打印：</translation>
        </message>
        <message>
            <source>{document}: {problem}</source>
            <translation>{document}：{problem}</translation>
        </message>
        <message>
            <source>Print again</source>
            <translation>重新打印（补打）</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>稍后再打</translation>
        </message>
        <message>
            <source>Print &amp;tag</source>
            <translation>打印修护卡(&amp;T)</translation>
        </message>
        <message>
            <source>Wor&amp;k entry…</source>
            <translation>修理记录(&amp;K)…</translation>
        </message>
        <message>
            <source>Return with&amp;out receipt…</source>
            <translation>无收据取件(&amp;O)…</translation>
        </message>
        <message>
            <source>Print r&amp;eceipt</source>
            <translation>打印收据(&amp;E)</translation>
        </message>
        <message>
            <source>{number}: {customer}, {item}</source>
            <translation>{number}：{customer}，{item}</translation>
        </message>
        <message>
            <source>Take in a call</source>
            <translation>按叫修单收件</translation>
        </message>
        <message>
            <source>Call No.</source>
            <translation>叫修单号</translation>
        </message>
        <message>
            <source>Open an item first: scan or type its receipt number.</source>
            <translation>请先打开商品：扫描或输入收据号。</translation>
        </message>
    </context>
    <context>
        <name>CarryInTables</name>
        <message>
            <source>In repair</source>
            <translation>修理中</translation>
        </message>
        <message>
            <source>Failed inspection</source>
            <translation>验讫不合格</translation>
        </message>
        <message>
            <source>Passed inspection</source>
            <translation>验讫合格</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已取回</translation>
        </message>
        <message>
            <source>Receipt No.</source>
            <translation>收据号</translation>
        </message>
        <message>
            <source>Card No.</source>
            <translation>修护卡号</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术员</translation>
        </message>
        <message>
            <source>Promised</source>
            <translation>承诺日期</translation>
        </message>
        <message>
            <source>Days late</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Date in</source>
            <translation>进店日期</translation>
        </message>
        <message>
            <source>Accessories</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Taken in by</source>
            <translation>收件技术员</translation>
        </message>
        <message>
            <source>Date out</source>
            <translation>出店日期</translation>
        </message>
        <message>
            <source>Returned to</source>
            <translation>取回人</translation>
        </message>
        <message>
            <source>Returned by</source>
            <translation>经手人</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Part No.</source>
            <translation>零件编号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <source>Total stock</source>
            <translation>库存合计</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>库房</translation>
        </message>
        <message>
            <source>In vans</source>
            <translation>车上</translation>
        </message>
        <message>
            <source>Reorder level</source>
            <translation>补货点</translation>
        </message>
        <message>
            <source>In van</source>
            <translation>车上</translation>
        </message>
    </context>
    <context>
        <name>CatalogueStep</name>
        <message>
            <source>Import from Excel…</source>
            <translation>从 Excel 导入…</translation>
        </message>
        <message>
            <source>Product models in the catalogue: {n}</source>
            <translation>目录中的产品型号：{n} 个</translation>
        </message>
    </context>
    <context>
        <name>CatalogueTab</name>
        <message>
            <source>Search model, name, brand or category</source>
            <translation>搜索型号、名称、品牌或品类</translation>
        </message>
        <message>
            <source>Add model…</source>
            <translation>新增型号…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
    </context>
    <context>
        <name>CatalogueTableModel</name>
        <message>
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>品类</translation>
        </message>
        <message>
            <source>Brand</source>
            <translation>品牌</translation>
        </message>
        <message>
            <source>Warranty (months)</source>
            <translation>保修（月）</translation>
        </message>
        <message>
            <source>Price (yuan)</source>
            <translation>价格（元）</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>ChoiceReasonDialog</name>
        <message>
            <source>Why? (required)</source>
            <translation>原因（必填）</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>CollectDialog</name>
        <message>
            <source>Take payment for {number}</source>
            <translation>{number} 收款</translation>
        </message>
        <message>
            <source>At the counter</source>
            <translation>柜台</translation>
        </message>
        <message>
            <source>On site (cash: the technician holds it until handed over)</source>
            <translation>上门（现金由技术员保管至交款）</translation>
        </message>
        <message>
            <source>Amount (yuan)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <source>Payment method</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>收款地点</translation>
        </message>
    </context>
    <context>
        <name>ComplaintsPage</name>
        <message>
            <source>Monthly statistics</source>
            <translation>月度统计</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>登记…</translation>
        </message>
        <message>
            <source>Route…</source>
            <translation>分送…</translation>
        </message>
        <message>
            <source>Decide…</source>
            <translation>核决…</translation>
        </message>
        <message>
            <source>Visit…</source>
            <translation>走访…</translation>
        </message>
        <message>
            <source>All of them</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Not yet visited</source>
            <translation>尚未拜访</translation>
        </message>
        <message>
            <source>Liaison note No.</source>
            <translation>洽办单号</translation>
        </message>
        <message>
            <source>Complaint No.</source>
            <translation>投诉编号</translation>
        </message>
        <message>
            <source>Department in charge</source>
            <translation>处理部门</translation>
        </message>
        <message>
            <source>Issued on</source>
            <translation>开立日期</translation>
        </message>
        <message>
            <source>Days late</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <source>Answered on</source>
            <translation>答复日期</translation>
        </message>
        <message>
            <source>Department's answer</source>
            <translation>部门答复</translation>
        </message>
        <message>
            <source>Not closed</source>
            <translation>未结案</translation>
        </message>
        <message>
            <source>Overdue complaints</source>
            <translation>逾期投诉</translation>
        </message>
        <message>
            <source>Closed complaints</source>
            <translation>已结案</translation>
        </message>
        <message>
            <source>Complaint register</source>
            <translation>登记表</translation>
        </message>
        <message>
            <source>Liaison notes</source>
            <translation>洽办单</translation>
        </message>
        <message>
            <source>Show figures</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Issue reminder</source>
            <translation>催办单</translation>
        </message>
        <message>
            <source>Resolve…</source>
            <translation>处理…</translation>
        </message>
        <message>
            <source>Close…</source>
            <translation>结案…</translation>
        </message>
        <message>
            <source>Reply letter</source>
            <translation>回复函</translation>
        </message>
        <message>
            <source>Liaison note…</source>
            <translation>洽办单…</translation>
        </message>
        <message>
            <source>Customer rejects…</source>
            <translation>客户不接受…</translation>
        </message>
        <message>
            <source>Demand: {text}</source>
            <translation>客户要求：{text}</translation>
        </message>
        <message>
            <source>Serious: waiting for the vice general manager's decision</source>
            <translation>重大投诉：待副总经理核决</translation>
        </message>
        <message>
            <source>Decision: {text}</source>
            <translation>核决意见：{text}</translation>
        </message>
        <message>
            <source>Visit: {day} {who} {notes}</source>
            <translation>走访：{day} {who} {notes}</translation>
        </message>
        <message>
            <source>Resolution: {text}</source>
            <translation>处理情况：{text}</translation>
        </message>
        <message>
            <source>Follows rejected complaint {number}</source>
            <translation>接续被拒绝的投诉 {number}</translation>
        </message>
        <message>
            <source>Route complaint</source>
            <translation>投诉分送</translation>
        </message>
        <message>
            <source>Kind of complaint</source>
            <translation>投诉类别</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Reason for another department</source>
            <translation>改送其他部门的理由</translation>
        </message>
        <message>
            <source>Manager's decision</source>
            <translation>副总经理核决</translation>
        </message>
        <message>
            <source>Decision of the manager</source>
            <translation>核决意见</translation>
        </message>
        <message>
            <source>Outcome told to the customer</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <source>What the department is asked</source>
            <translation>查询事项</translation>
        </message>
        <message>
            <source>Please find out why the case was closed late.</source>
            <translation>请追查该案逾期结案的原因。</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>Closed late without a liaison note: {n} {numbers}</source>
            <translation>逾期结案尚未开立洽办单：{n} 件 {numbers}</translation>
        </message>
        <message>
            <source>Figure of the month</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Figure value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>Produce the month's statistics</source>
            <translation>编制本月统计表</translation>
        </message>
        <message>
            <source>Produced on {day} by {name}: these figures no longer change.</source>
            <translation>已于 {day} 由 {name} 编制：本月数字不再变动。</translation>
        </message>
        <message>
            <source>Live figures: not produced yet.</source>
            <translation>即时数字：尚未编制统计表。</translation>
        </message>
        <message>
            <source>Received in the month</source>
            <translation>本月受理</translation>
        </message>
        <message>
            <source>Closed in the month</source>
            <translation>本月结案</translation>
        </message>
        <message>
            <source>Responsible: {department}</source>
            <translation>责任归属：{department}</translation>
        </message>
        <message>
            <source>Visit to the customer</source>
            <translation>走访客户</translation>
        </message>
        <message>
            <source>Visited on</source>
            <translation>走访日期</translation>
        </message>
        <message>
            <source>Visited by</source>
            <translation>走访人</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Resolve complaint</source>
            <translation>登记处理情况</translation>
        </message>
        <message>
            <source>What was done</source>
            <translation>处理情况</translation>
        </message>
        <message>
            <source>Responsible department or person</source>
            <translation>责任部门或责任人</translation>
        </message>
        <message>
            <source>Customer told</source>
            <translation>通知客户方式</translation>
        </message>
        <message>
            <source>Close complaint</source>
            <translation>投诉结案</translation>
        </message>
        <message>
            <source>Customer rejects the outcome</source>
            <translation>客户不接受处理结果</translation>
        </message>
        <message>
            <source>What the customer says</source>
            <translation>客户意见</translation>
        </message>
        <message>
            <source>Complaint reminder</source>
            <translation>客户投诉催办单</translation>
        </message>
        <message>
            <source>Record the department's answer…</source>
            <translation>登记部门答复…</translation>
        </message>
        <message>
            <source>Average days to close</source>
            <translation>平均结案天数</translation>
        </message>
        <message>
            <source>Closed late</source>
            <translation>逾期结案</translation>
        </message>
        <message>
            <source>Open and overdue</source>
            <translation>未结案且逾期</translation>
        </message>
        <message>
            <source>Reopened after rejection</source>
            <translation>拒绝后重新受理</translation>
        </message>
    </context>
    <context>
        <name>ContractsPage</name>
        <message>
            <source>Renewal list</source>
            <translation>续约清单</translation>
        </message>
        <message>
            <source>All contracts</source>
            <translation>全部合同</translation>
        </message>
        <message>
            <source>Contracts ending within one month</source>
            <translation>一个月内到期的合同</translation>
        </message>
        <message>
            <source>Send to renew…</source>
            <translation>派员续约…</translation>
        </message>
        <message>
            <source>Renewal visit…</source>
            <translation>续约拜访…</translation>
        </message>
        <message>
            <source>Renew…</source>
            <translation>续约…</translation>
        </message>
        <message>
            <source>Lapse…</source>
            <translation>未续约…</translation>
        </message>
        <message>
            <source>Print notice</source>
            <translation>打印到期通知书</translation>
        </message>
        <message>
            <source>Notices for contracts ending in</source>
            <translation>到期通知：合同到期月份</translation>
        </message>
        <message>
            <source>Print the month's notices</source>
            <translation>打印当月全部通知书</translation>
        </message>
        <message>
            <source>New contract…</source>
            <translation>新合同…</translation>
        </message>
        <message>
            <source>Schedule due maintenance visits</source>
            <translation>安排到期保养上门</translation>
        </message>
        <message>
            <source>Renew contract {number}</source>
            <translation>续约合同 {number}</translation>
        </message>
        <message>
            <source>Starts on</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>Ends on</source>
            <translation>到期日</translation>
        </message>
        <message>
            <source>Fee (yuan)</source>
            <translation>费用（元）</translation>
        </message>
        <message>
            <source>Send to renew contract {number}</source>
            <translation>派员续约：合同 {number}</translation>
        </message>
        <message>
            <source>Who goes</source>
            <translation>派往人员</translation>
        </message>
        <message>
            <source>Renewal visit for contract {number}</source>
            <translation>续约拜访：合同 {number}</translation>
        </message>
        <message>
            <source>Visited on</source>
            <translation>走访日期</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Notes (the reason when the customer declines)</source>
            <translation>备注（客户不续约时填写原因）</translation>
        </message>
        <message>
            <source>Maintenance visits</source>
            <translation>保养上门</translation>
        </message>
        <message>
            <source>{n} maintenance visits registered as calls for dispatch.</source>
            <translation>已登记 {n} 次保养上门叫修，等待派工。</translation>
        </message>
        <message>
            <source>Contract {number} not renewed</source>
            <translation>合同 {number} 未续约</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Maintenance expiry notice</source>
            <translation>保养到期通知书</translation>
        </message>
    </context>
    <context>
        <name>CustomerFieldsWidget</name>
        <message>
            <source>Several phones: separate with commas</source>
            <translation>多个电话请用逗号分隔</translation>
        </message>
        <message>
            <source>(no zone)</source>
            <translation>（未分区）</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>姓名(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Phones</source>
            <translation>电话(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Address</source>
            <translation>地址(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Zone</source>
            <translation>区域(&amp;Z)</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>CustomerFileDialog</name>
        <message>
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <source>Serial no.</source>
            <translation>机号</translation>
        </message>
        <message>
            <source>Purchased</source>
            <translation>购买日期</translation>
        </message>
        <message>
            <source>Invoice no.</source>
            <translation>发票号</translation>
        </message>
        <message>
            <source>Warranty</source>
            <translation>保修</translation>
        </message>
        <message>
            <source>Last covered day</source>
            <translation>保修截止日</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>故障</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>服务类别</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>&amp;Save customer</source>
            <translation>保存客户资料(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;History</source>
            <translation>历史记录(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Messages…</source>
            <translation>短信(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;Add item</source>
            <translation>添加商品(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Edit item</source>
            <translation>修改商品(&amp;E)</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Calls of this customer</source>
            <translation>叫修记录</translation>
        </message>
        <message>
            <source>Customer file: {name}</source>
            <translation>客户资料袋：{name}</translation>
        </message>
    </context>
    <context>
        <name>CustomerMessagesDialog</name>
        <message>
            <source>Messages to this customer</source>
            <translation>发给该客户的短信</translation>
        </message>
        <message>
            <source>Customer agrees to messages</source>
            <translation>客户同意接收短信</translation>
        </message>
        <message>
            <source>Customer opts out</source>
            <translation>客户退订</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>重新发送</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>排队时间</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Consent to messages: not asked (service notices only)</source>
            <translation>短信授权：未询问（仅发送服务通知）</translation>
        </message>
        <message>
            <source>Consent to messages: agreed</source>
            <translation>短信授权：已同意</translation>
        </message>
        <message>
            <source>Consent to messages: opted out</source>
            <translation>短信授权：已退订</translation>
        </message>
    </context>
    <context>
        <name>CustomerPicker</name>
        <message>
            <source>Phone (any part), name or serial no.</source>
            <translation>电话（任意部分）、姓名或机号</translation>
        </message>
        <message>
            <source>{n} found: Down to browse, Enter to choose</source>
            <translation>找到 {n} 位：按↓浏览，按回车选择</translation>
        </message>
        <message>
            <source>No customer found: press Enter for a new customer</source>
            <translation>没有找到客户：按回车建立新客户</translation>
        </message>
    </context>
    <context>
        <name>CustomerRecords</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <source>Not satisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <source>Returned to the customer</source>
            <translation>已交还客户</translation>
        </message>
        <message>
            <source>In the store</source>
            <translation>在店内</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>作废</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>客户投诉</translation>
        </message>
        <message>
            <source>Survey cards</source>
            <translation>客户意见调查卡</translation>
        </message>
        <message>
            <source>Follow-up calls</source>
            <translation>质量回访</translation>
        </message>
        <message>
            <source>Contracts</source>
            <translation>保养合同</translation>
        </message>
        <message>
            <source>Carried-in items</source>
            <translation>送修商品</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>收款明细</translation>
        </message>
    </context>
    <context>
        <name>DailyReportsPage</name>
        <message>
            <source>Print / PDF…</source>
            <translation>打印 / PDF…</translation>
        </message>
        <message>
            <source>Submit my report</source>
            <translation>提交我的日报表</translation>
        </message>
        <message>
            <source>Mark reviewed</source>
            <translation>核阅</translation>
        </message>
        <message>
            <source>Reopen…</source>
            <translation>退回重填…</translation>
        </message>
        <message>
            <source>Submit supervisor's report</source>
            <translation>提交服务主任日报表</translation>
        </message>
        <message>
            <source>Sign (manager)</source>
            <translation>经理签章</translation>
        </message>
        <message>
            <source>Forward to the service department</source>
            <translation>转送服务部</translation>
        </message>
        <message>
            <source>Technician's daily work report</source>
            <translation>技术员工作日报表</translation>
        </message>
        <message>
            <source>Supervisor's daily report</source>
            <translation>服务主任日报表</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术员</translation>
        </message>
        <message>
            <source>Status: {status}</source>
            <translation>状态：{status}</translation>
        </message>
        <message>
            <source>Not yet reviewed: {names}</source>
            <translation>尚未核阅：{names}</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>退回重填</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>凭证号</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>服务类别</translation>
        </message>
        <message>
            <source>Work</source>
            <translation>工作内容</translation>
        </message>
        <message>
            <source>From</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>To</source>
            <translation>结束</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>费用</translation>
        </message>
        <message>
            <source>Totals (jobs / minutes): {totals}; all {m} min</source>
            <translation>合计（件数 / 分钟）：{totals}；共 {m} 分钟</translation>
        </message>
        <message>
            <source>Calls received {received}, dispatched {dispatched}, completed on site {completed}, taken in {taken}, left over {left}, deadlines missed {missed}</source>
            <translation>受理叫修 {received}，已派工 {dispatched}，现场完工 {completed}，带回 {taken}，遗留未派 {left}，超时到达 {missed}</translation>
        </message>
    </context>
    <context>
        <name>DatabaseTab</name>
        <message>
            <source>The server cannot be reached. Check its name, the network and that it is running; nothing was changed.</source>
            <translation>连不上服务器。请检查服务器名称、网络，以及服务器是否在运行；未做任何更改。</translation>
        </message>
        <message>
            <source>The server refused the connection; nothing was changed. It said: {reason}</source>
            <translation>服务器拒绝了连接；未做任何更改。服务器回复：{reason}</translation>
        </message>
        <message>
            <source>This computer's database</source>
            <translation>本机数据库</translation>
        </message>
        <message>
            <source>In use now</source>
            <translation>当前使用</translation>
        </message>
        <message>
            <source>From the next start</source>
            <translation>下次启动起</translation>
        </message>
        <message>
            <source>Connect to the company's server…</source>
            <translation>连接公司服务器…</translation>
        </message>
        <message>
            <source>Use this PC's own database file</source>
            <translation>改用本机数据库文件</translation>
        </message>
        <message>
            <source>the company's server {target}</source>
            <translation>公司服务器 {target}</translation>
        </message>
        <message>
            <source>{target} (named by SERVICE_COUNTER_DB)</source>
            <translation>{target}（由环境变量 SERVICE_COUNTER_DB 指定）</translation>
        </message>
        <message>
            <source>this PC's own file {target}</source>
            <translation>本机文件 {target}</translation>
        </message>
        <message>
            <source>This PC opens the company's server from its next start.</source>
            <translation>本机下次启动起使用公司服务器。</translation>
        </message>
        <message>
            <source>This PC opens its own database file from its next start.</source>
            <translation>本机下次启动起使用本机数据库文件。</translation>
        </message>
        <message>
            <source>From the next start this PC no longer opens the company's server but a store of its own, kept on this PC ({path}). A branch's PC needs the server. Use this PC's own file?</source>
            <translation>下次启动起，本机不再连接公司服务器，而是使用本机自己的门店数据库（{path}）。分公司的电脑需要连接服务器。确定改用本机文件吗？</translation>
        </message>
        <message>
            <source>This PC could not note its choice; nothing was changed.</source>
            <translation>本机无法记下此选择；未做任何更改。</translation>
        </message>
    </context>
    <context>
        <name>DemoStore</name>
        <message>
            <source>Building the demo store…</source>
            <translation>正在建立演示门店…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Demo store</source>
            <translation>演示门店</translation>
        </message>
    </context>
    <context>
        <name>DispatchPage</name>
        <message>
            <source>Print the voucher on dispatch</source>
            <translation>派工时打印凭证</translation>
        </message>
        <message>
            <source>Dispatch</source>
            <translation>派工</translation>
        </message>
        <message>
            <source>Reassign…</source>
            <translation>改派…</translation>
        </message>
        <message>
            <source>Category…</source>
            <translation>服务类别…</translation>
        </message>
        <message>
            <source>Record visit…</source>
            <translation>上门记录…</translation>
        </message>
        <message>
            <source>Close call</source>
            <translation>注销叫修</translation>
        </message>
        <message>
            <source>Print voucher</source>
            <translation>打印凭证</translation>
        </message>
        <message>
            <source>Help requests…</source>
            <translation>协助请求…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Store calendar…</source>
            <translation>门店日历…</translation>
        </message>
        <message>
            <source>{n} calls waiting, {late} overdue</source>
            <translation>{n} 个叫修待派，{late} 个已超时</translation>
        </message>
        <message>
            <source>Select a call and a technician.</source>
            <translation>请选择叫修和技术员。</translation>
        </message>
        <message>
            <source>{call} dispatched to {name}: voucher {number}.</source>
            <translation>{call} 已派给 {name}：凭证 {number}。</translation>
        </message>
        <message>
            <source>Select a voucher first.</source>
            <translation>请先选择凭证。</translation>
        </message>
        <message>
            <source>Voucher {number} reassigned to {name}.</source>
            <translation>凭证 {number} 已改派给 {name}。</translation>
        </message>
        <message>
            <source>Reassign voucher</source>
            <translation>改派凭证</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术员</translation>
        </message>
        <message>
            <source>Select a call or a voucher first.</source>
            <translation>请先选择叫修或凭证。</translation>
        </message>
        <message>
            <source>Category changed to {category}.</source>
            <translation>服务类别已改为 {category}。</translation>
        </message>
        <message>
            <source>Override category</source>
            <translation>更改服务类别</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>服务类别</translation>
        </message>
        <message>
            <source>Arrival recorded on {number}.</source>
            <translation>已记录 {number} 的到达时间。</translation>
        </message>
        <message>
            <source>Call {call} closed; voucher {number} filed.</source>
            <translation>叫修 {call} 已注销，凭证 {number} 已归档。</translation>
        </message>
        <message>
            <source>Internal work logged.</source>
            <translation>内部工作已登记。</translation>
        </message>
        <message>
            <source>Visit recorded on {number}.</source>
            <translation>已记录 {number} 的上门情况。</translation>
        </message>
    </context>
    <context>
        <name>DispatchTables</name>
        <message>
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Time left</source>
            <translation>剩余时间</translation>
        </message>
        <message>
            <source>Arrive by</source>
            <translation>最迟到达</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>故障</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>服务类别</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>叫修时间</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术员</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>未完</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今日</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>凭证号</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>叫修单</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>派工时间</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>到达</translation>
        </message>
        <message>
            <source>Promise</source>
            <translation>服务承诺</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Service Counter — Something went wrong</source>
            <translation>售后服务台 — 出错了</translation>
        </message>
        <message>
            <source>Sorry, something went wrong in the program. What you were doing may not have been saved: please check it and try again.

If it happens again, press “Copy details” and send them to your administrator.</source>
            <translation>抱歉，程序出了问题。您刚才的操作可能没有保存：请检查后再试一次。

如果问题再次出现，请按“复制详情”，并发送给系统管理员。</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>复制详情</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Service Counter</source>
            <translation>售后服务台</translation>
        </message>
    </context>
    <context>
        <name>ExchangeTab</name>
        <message>
            <source>Serial number, then Enter</source>
            <translation>输入序列号，按回车</translation>
        </message>
        <message>
            <source>Sale price (empty: catalogue price)</source>
            <translation>售价（留空：按目录价）</translation>
        </message>
        <message>
            <source>Record exchange</source>
            <translation>登记换货</translation>
        </message>
        <message>
            <source>Record refund</source>
            <translation>登记退货</translation>
        </message>
        <message>
            <source>Serial number</source>
            <translation>序列号</translation>
        </message>
        <message>
            <source>Sale price (yuan)</source>
            <translation>售价（元）</translation>
        </message>
        <message>
            <source>{a}–{b} days</source>
            <translation>{a}–{b} 天</translation>
        </message>
        <message>
            <source>more than {a} days</source>
            <translation>超过 {a} 天</translation>
        </message>
        <message>
            <source>{item}: sold {days} days ago, step {span}: {percent} %. {price} × {percent} % = charge {charge}.</source>
            <translation>{item}：已售出 {days} 天，适用档位 {span}：{percent}%。{price} × {percent}% = 收取 {charge}。</translation>
        </message>
        <message>
            <source>Recorded: charge {charge}.</source>
            <translation>已登记：收取 {charge}。</translation>
        </message>
    </context>
    <context>
        <name>FileDialogs</name>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>{suffix} file</source>
            <translation>{suffix} 文件</translation>
        </message>
        <message>
            <source>{file} is the store's own database: choose another file.</source>
            <translation>{file} 是本店自己的数据库：请选择其他文件。</translation>
        </message>
    </context>
    <context>
        <name>FindNumber</name>
        <message>
            <source>Call</source>
            <translation>叫修</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>凭证</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>收据</translation>
        </message>
        <message>
            <source>Repair card</source>
            <translation>修护卡</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>收款收据</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>发票</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>合同</translation>
        </message>
        <message>
            <source>Survey card</source>
            <translation>调查卡</translation>
        </message>
    </context>
    <context>
        <name>FirstAdminDialog</name>
        <message>
            <source>Service Counter — First start</source>
            <translation>售后服务台 — 首次启动</translation>
        </message>
        <message>
            <source>6 characters or more</source>
            <translation>至少 6 个字符</translation>
        </message>
        <message>
            <source>Welcome to Service Counter</source>
            <translation>欢迎使用售后服务台</translation>
        </message>
        <message>
            <source>This is the first start. Create the administrator account: it sets up the store and the staff accounts. Keep its password safe. A short set-up follows (store, hours, zones, staff, printers); or try the demo store first.</source>
            <translation>这是首次启动。请先建立管理员账号：由它设置门店和员工账号，请妥善保管密码。随后是简短的设置向导（门店、营业时间、区域、员工、打印机）；也可以先试用演示门店。</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Repeat password</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <source>Create administrator</source>
            <translation>创建管理员</translation>
        </message>
        <message>
            <source>Try the &amp;demo store</source>
            <translation>试用演示门店(&amp;D)</translation>
        </message>
        <message>
            <source>A made-up store in a file of its own, to try things out; your store stays empty until you set it up.</source>
            <translation>虚构的门店，存放在单独的文件中，供您试用；您自己的门店在设置之前保持空白。</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>FollowUpsPage</name>
        <message>
            <source>Record the answer…</source>
            <translation>登记回访结果…</translation>
        </message>
        <message>
            <source>Completed repairs due for a follow-up call</source>
            <translation>已完成维修、到期应回访的客户</translation>
        </message>
        <message>
            <source>Due for a call</source>
            <translation>待回访</translation>
        </message>
        <message>
            <source>Called back</source>
            <translation>已回访</translation>
        </message>
        <message>
            <source>Follow-up of {number}</source>
            <translation>回访 {number}</translation>
        </message>
        <message>
            <source>The customer is satisfied</source>
            <translation>客户满意</translation>
        </message>
        <message>
            <source>What the customer said</source>
            <translation>客户意见</translation>
        </message>
        <message>
            <source>If unhappy: kind of complaint</source>
            <translation>如不满意：投诉类别</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>Discard what you typed in this form?</source>
            <translation>放弃本表中已填写的内容吗？</translation>
        </message>
    </context>
    <context>
        <name>HandoverDialog</name>
        <message>
            <source>Cash handed over by {name}</source>
            <translation>{name} 交款</translation>
        </message>
        <message>
            <source>Required when the amounts differ</source>
            <translation>金额不符时必填</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>登记金额</translation>
        </message>
        <message>
            <source>{n} payments, {total}</source>
            <translation>{n} 笔，{total}</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>实点金额</translation>
        </message>
        <message>
            <source>Reason for a difference</source>
            <translation>差额原因</translation>
        </message>
    </context>
    <context>
        <name>HelpRequestsDialog</name>
        <message>
            <source>Requests for help</source>
            <translation>协助请求</translation>
        </message>
        <message>
            <source>Receipt No.</source>
            <translation>收据号</translation>
        </message>
        <message>
            <source>Asked by</source>
            <translation>报请人</translation>
        </message>
        <message>
            <source>Asked at</source>
            <translation>报请时间</translation>
        </message>
        <message>
            <source>Help needed</source>
            <translation>需协助事项</translation>
        </message>
        <message>
            <source>&amp;Answer…</source>
            <translation>答复(&amp;A)…</translation>
        </message>
        <message>
            <source>Answered {number}.</source>
            <translation>已答复 {number}。</translation>
        </message>
        <message>
            <source>Answer a request for help</source>
            <translation>答复协助请求</translation>
        </message>
        <message>
            <source>Record the help</source>
            <translation>记录协助</translation>
        </message>
        <message>
            <source>The help given (required)</source>
            <translation>给予的协助（必填）</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Workstation</source>
            <translation>工作站</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>动作</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Old → new</source>
            <translation>原值 → 新值</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>修改</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已注销</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>作废</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Printed</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>Reprinted</source>
            <translation>补打</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>分公司</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>故障</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>服务项目</translation>
        </message>
        <message>
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>服务类别</translation>
        </message>
        <message>
            <source>Proposed category</source>
            <translation>建议类别</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Cancel reason</source>
            <translation>注销原因</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Serial no.</source>
            <translation>机号</translation>
        </message>
        <message>
            <source>Purchase date</source>
            <translation>购买日期</translation>
        </message>
        <message>
            <source>Invoice no.</source>
            <translation>发票号</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <source>Closed at</source>
            <translation>结束时间</translation>
        </message>
        <message>
            <source>Registered by</source>
            <translation>登记人</translation>
        </message>
        <message>
            <source>Why this category</source>
            <translation>类别依据</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>no item</source>
            <translation>没有商品</translation>
        </message>
        <message>
            <source>in warranty to {day}</source>
            <translation>保修期至 {day}</translation>
        </message>
        <message>
            <source>out of warranty</source>
            <translation>已过保修期</translation>
        </message>
        <message>
            <source>warranty unknown (no purchase date)</source>
            <translation>保修未知（无购买日期）</translation>
        </message>
        <message>
            <source>maintenance contract {number} to {day}</source>
            <translation>保养合同 {number}，至 {day}</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史记录</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import from Excel</source>
            <translation>从 Excel 导入</translation>
        </message>
    </context>
    <context>
        <name>ImportPanel</name>
        <message>
            <source>Product catalogue</source>
            <translation>产品型号目录</translation>
        </message>
        <message>
            <source>Customer list</source>
            <translation>客户名单</translation>
        </message>
        <message>
            <source>An .xlsx file with a header row</source>
            <translation>带标题行的 .xlsx 文件</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <source>Check file</source>
            <translation>检查文件</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Import only the good rows (skip rows with errors)</source>
            <translation>只导入正确的行（跳过有错误的行）</translation>
        </message>
        <message>
            <source>Save error report…</source>
            <translation>保存错误报告…</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Choose a workbook</source>
            <translation>选择工作簿</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>The first row names the columns: {names}.</source>
            <translation>第一行是列名：{names}。</translation>
        </message>
        <message>
            <source>The import was cancelled: nothing was imported.</source>
            <translation>导入已取消：没有导入任何数据。</translation>
        </message>
        <message>
            <source>{total} rows read: {good} good, {bad} with errors.</source>
            <translation>共读取 {total} 行：{good} 行正确，{bad} 行有错误。</translation>
        </message>
        <message>
            <source>{n} rows imported, {skipped} skipped.</source>
            <translation>已导入 {n} 行，跳过 {skipped} 行。</translation>
        </message>
        <message>
            <source>Save error report</source>
            <translation>保存错误报告</translation>
        </message>
        <message>
            <source>Excel (*.xlsx)</source>
            <translation>Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>Error report saved.</source>
            <translation>错误报告已保存。</translation>
        </message>
    </context>
    <context>
        <name>InspectionDialog</name>
        <message>
            <source>Inspect {card}</source>
            <translation>验讫 {card}</translation>
        </message>
        <message>
            <source>&amp;Passed</source>
            <translation>合格(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Failed: back to repair</source>
            <translation>不合格：退回修理(&amp;F)</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>备注(&amp;N)</translation>
        </message>
    </context>
    <context>
        <name>InternalWorkDialog</name>
        <message>
            <source>Inspection</source>
            <translation>检查</translation>
        </message>
        <message>
            <source>Parts management</source>
            <translation>零件管理</translation>
        </message>
        <message>
            <source>Tool upkeep</source>
            <translation>工具保养</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Log internal work (D)</source>
            <translation>登记内部工作（D 类）</translation>
        </message>
        <message>
            <source> min</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <source>Edit item</source>
            <translation>修改商品</translation>
        </message>
        <message>
            <source>New item</source>
            <translation>新商品</translation>
        </message>
    </context>
    <context>
        <name>ItemFieldsWidget</name>
        <message>
            <source>Type part of the code or name</source>
            <translation>输入型号或名称的一部分</translation>
        </message>
        <message>
            <source>YYYY-MM-DD (empty: unknown)</source>
            <translation>YYYY-MM-DD（留空：不详）</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>型号(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Serial no.</source>
            <translation>机号(&amp;S)</translation>
        </message>
        <message>
            <source>Pu&amp;rchase date</source>
            <translation>购买日期(&amp;R)</translation>
        </message>
        <message>
            <source>Invoi&amp;ce no.</source>
            <translation>发票号(&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Registered</source>
            <translation>已登记</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>已派工</translation>
        </message>
        <message>
            <source>On site</source>
            <translation>在现场</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完工</translation>
        </message>
        <message>
            <source>Taken in</source>
            <translation>已带回</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已结案</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已注销</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>已核阅</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>已签章</translation>
        </message>
        <message>
            <source>Forwarded</source>
            <translation>已转送</translation>
        </message>
        <message>
            <source>submitted by</source>
            <translation>提交：</translation>
        </message>
        <message>
            <source>reviewed by</source>
            <translation>核阅：</translation>
        </message>
        <message>
            <source>signed by</source>
            <translation>签章：</translation>
        </message>
        <message>
            <source>forwarded by</source>
            <translation>转送：</translation>
        </message>
        <message>
            <source>reopened by</source>
            <translation>退回：</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>信函</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <source>Walk-in</source>
            <translation>来店</translation>
        </message>
        <message>
            <source>Web</source>
            <translation>网站</translation>
        </message>
        <message>
            <source>A Paid service</source>
            <translation>A 有费服务</translation>
        </message>
        <message>
            <source>B Contract service</source>
            <translation>B 合同服务</translation>
        </message>
        <message>
            <source>C Free (warranty)</source>
            <translation>C 免费服务（保修）</translation>
        </message>
        <message>
            <source>D Internal work</source>
            <translation>D 一般行政工作</translation>
        </message>
        <message>
            <source>Counter clerk</source>
            <translation>业务员</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术员</translation>
        </message>
        <message>
            <source>Service supervisor</source>
            <translation>服务主任</translation>
        </message>
        <message>
            <source>Accountant</source>
            <translation>会计员</translation>
        </message>
        <message>
            <source>Manager</source>
            <translation>经理</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>系统管理员</translation>
        </message>
        <message>
            <source>Repair</source>
            <translation>维修</translation>
        </message>
        <message>
            <source>Installation</source>
            <translation>安装调试</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>保养</translation>
        </message>
        <message>
            <source>Inspection</source>
            <translation>检查</translation>
        </message>
        <message>
            <source>Consultation</source>
            <translation>咨询</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>普通</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>紧急</translation>
        </message>
        <message>
            <source>In warranty</source>
            <translation>保修期内</translation>
        </message>
        <message>
            <source>Out of warranty</source>
            <translation>已过保修期</translation>
        </message>
        <message>
            <source>Warranty unknown</source>
            <translation>保修情况不明</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>个人</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>City</source>
            <translation>市区</translation>
        </message>
        <message>
            <source>Suburb</source>
            <translation>郊区</translation>
        </message>
        <message>
            <source> · chased {count}×</source>
            <translation>· 催修 {count} 次</translation>
        </message>
    </context>
    <context>
        <name>ListExport</name>
        <message>
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>The export failed: {error}</source>
            <translation>导出失败：{error}</translation>
        </message>
        <message>
            <source>Saved {file}.</source>
            <translation>已保存 {file}。</translation>
        </message>
        <message>
            <source>Call-log book</source>
            <translation>叫修登记簿</translation>
        </message>
        <message>
            <source>Receivables</source>
            <translation>应收账款</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>Invoices</source>
            <translation>发票登记</translation>
        </message>
        <message>
            <source>Goods in-out register</source>
            <translation>商品进出店登记簿</translation>
        </message>
        <message>
            <source>Late repairs</source>
            <translation>逾期未修复清单</translation>
        </message>
        <message>
            <source>Carry-in repairs</source>
            <translation>送修商品</translation>
        </message>
        <message>
            <source>Accessories</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Age (days)</source>
            <translation>账龄（天）</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Billed</source>
            <translation>应收</translation>
        </message>
        <message>
            <source>Billed on</source>
            <translation>开单日期</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>叫修单</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>服务类别</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Date in</source>
            <translation>进店日期</translation>
        </message>
        <message>
            <source>Date out</source>
            <translation>出店日期</translation>
        </message>
        <message>
            <source>Days late</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>故障现象</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>发票</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>开票日期</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Mailed</source>
            <translation>寄出</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Outstanding</source>
            <translation>未收</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>已收</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Promised</source>
            <translation>承诺日期</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>收据</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Repair card</source>
            <translation>修护卡</translation>
        </message>
        <message>
            <source>Returned by</source>
            <translation>经手人</translation>
        </message>
        <message>
            <source>Returned to</source>
            <translation>取回人</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Taken in by</source>
            <translation>收件技术员</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术员</translation>
        </message>
        <message>
            <source>To mail</source>
            <translation>待寄</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>区域</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Service Counter — Log in</source>
            <translation>售后服务台 — 登录</translation>
        </message>
        <message>
            <source>Service Counter</source>
            <translation>售后服务台</translation>
        </message>
        <message>
            <source>Log in with your user name and password.</source>
            <translation>请输入用户名和密码登录。</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Service Counter — DEMO STORE (made-up data, not your store)</source>
            <translation>售后服务台 — 演示门店（虚构数据，不是您的门店）</translation>
        </message>
        <message>
            <source>Service Counter</source>
            <translation>售后服务台</translation>
        </message>
        <message>
            <source>Demo store — leave it and set up my store</source>
            <translation>演示门店 — 退出演示，设置我的门店</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Switch user…</source>
            <translation>切换用户(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>偏好设置(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Caller ID…</source>
            <translation>来电显示(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Messages to customers…</source>
            <translation>客户短信(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About Service Counter</source>
            <translation>关于售后服务台(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>Scan a receipt or search calls, customers, phones…  (F3)</source>
            <translation>扫描收据，或搜索叫修、客户、电话…  (F3)</translation>
        </message>
        <message>
            <source>Switch user (F2)</source>
            <translation>切换用户 (F2)</translation>
        </message>
        <message>
            <source>Also with this number: {others}</source>
            <translation>同号的还有：{others}</translation>
        </message>
        <message>
            <source>Nothing has the number {number}.</source>
            <translation>没有编号为 {number} 的单据。</translation>
        </message>
        <message>
            <source>Nothing here can search for that yet.</source>
            <translation>暂时没有可以搜索这项内容的页面。</translation>
        </message>
        <message>
            <source>Database: {name}</source>
            <translation>数据库：{name}</translation>
        </message>
        <message>
            <source>Workstation: {name}</source>
            <translation>工作站：{name}</translation>
        </message>
        <message>
            <source>User: {name}</source>
            <translation>用户：{name}</translation>
        </message>
        <message>
            <source>This list of shortcuts</source>
            <translation>本快捷键表</translation>
        </message>
        <message>
            <source>Switch user</source>
            <translation>切换用户</translation>
        </message>
        <message>
            <source>Find: a number (call, voucher, receipt, card, payment, invoice, complaint, contract) opens it; other text searches the book</source>
            <translation>查找：输入编号（叫修、凭证、收据、修护卡、收款、发票、投诉、合同）直接打开；其他文字在叫修簿中搜索</translation>
        </message>
        <message>
            <source>Call-log book</source>
            <translation>叫修登记簿</translation>
        </message>
        <message>
            <source>Refresh the list</source>
            <translation>刷新列表</translation>
        </message>
        <message>
            <source>Carry-in items</source>
            <translation>送修商品</translation>
        </message>
        <message>
            <source>Dispatch board</source>
            <translation>派工台</translation>
        </message>
        <message>
            <source>My jobs</source>
            <translation>我的派工</translation>
        </message>
        <message>
            <source>Money</source>
            <translation>收款</translation>
        </message>
        <message>
            <source>New call (in the book)</source>
            <translation>新叫修（叫修簿中）</translation>
        </message>
        <message>
            <source>Edit the selected call</source>
            <translation>修改所选叫修</translation>
        </message>
        <message>
            <source>History of the selected record</source>
            <translation>所选记录的历史</translation>
        </message>
        <message>
            <source>Customer file</source>
            <translation>客户资料袋</translation>
        </message>
        <message>
            <source>Cancel the selected call</source>
            <translation>取消所选叫修</translation>
        </message>
        <message>
            <source>Save the form (on a button: press it)</source>
            <translation>保存表单（焦点在按钮上时按下该按钮）</translation>
        </message>
        <message>
            <source>Close the form (asks first if you typed something)</source>
            <translation>关闭表单（已填写内容时先询问）</translation>
        </message>
        <message>
            <source>Next / previous field</source>
            <translation>下一个／上一个字段</translation>
        </message>
        <message>
            <source>underlined letter</source>
            <translation>带下划线的字母</translation>
        </message>
        <message>
            <source>Go to that field or button</source>
            <translation>跳到该字段或按钮</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <source>About Service Counter</source>
            <translation>关于售后服务台</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Service Counter {version}&lt;/h3&gt;&lt;p&gt;The after-sales service counter of a store: call-log book, dispatch, repairs, money and reports.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;售后服务台 {version}&lt;/h3&gt;&lt;p&gt;门店的售后服务柜台：叫修登记、派工、维修、收款与报表。&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>MessageTemplatesDialog</name>
        <message>
            <source>Messages to customers</source>
            <translation>客户短信</translation>
        </message>
        <message>
            <source>Send this message</source>
            <translation>发送此短信</translation>
        </message>
        <message>
            <source>&amp;Save template</source>
            <translation>保存模板(&amp;S)</translation>
        </message>
        <message>
            <source>Queue messages for the events above</source>
            <translation>以上事件发生时发送短信</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Placeholders</source>
            <translation>可用占位符</translation>
        </message>
        <message>
            <source>Gateway template id</source>
            <translation>短信平台模板编号</translation>
        </message>
        <message>
            <source>Customer reads</source>
            <translation>客户收到</translation>
        </message>
        <message>
            <source>Quiet hours from</source>
            <translation>免打扰时段：从</translation>
        </message>
        <message>
            <source>to</source>
            <translation>到</translation>
        </message>
        <message>
            <source>{units} characters · {parts} SMS ({per} characters each)</source>
            <translation>{units} 字 · {parts} 条短信（每条 {per} 字）</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>Waiting</source>
            <translation>待发送</translation>
        </message>
        <message>
            <source>Sending</source>
            <translation>发送中</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>发送失败</translation>
        </message>
        <message>
            <source>Not sent</source>
            <translation>未发送</translation>
        </message>
        <message>
            <source>Interrupted: check</source>
            <translation>发送中断：请核实</translation>
        </message>
        <message>
            <source>at the counter</source>
            <translation>柜台登记</translation>
        </message>
        <message>
            <source>by reply</source>
            <translation>短信回复</translation>
        </message>
        <message>
            <source>on a form</source>
            <translation>书面表格</translation>
        </message>
        <message>
            <source>no mobile number</source>
            <translation>无手机号码</translation>
        </message>
        <message>
            <source>opted out</source>
            <translation>已退订</translation>
        </message>
        <message>
            <source>no consent recorded</source>
            <translation>未取得授权</translation>
        </message>
        <message>
            <source>template switched off</source>
            <translation>模板已停用</translation>
        </message>
        <message>
            <source>interrupted while sending: check with the customer</source>
            <translation>发送时中断：请与客户核实</translation>
        </message>
    </context>
    <context>
        <name>MissingDatabaseDialog</name>
        <message>
            <source>Open a Service Counter database</source>
            <translation>打开售后服务台数据库</translation>
        </message>
        <message>
            <source>Service Counter database (*.sqlite *.db);;All files (*)</source>
            <translation>售后服务台数据库 (*.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <source>The database is missing</source>
            <translation>数据库不见了</translation>
        </message>
        <message>
            <source>No database here yet</source>
            <translation>此处还没有数据库</translation>
        </message>
        <message>
            <source>The database {path} is missing. It was last opened on this computer at {when}; it may have been moved, renamed or deleted, or the disk holding it is not connected. Nothing has been created.</source>
            <translation>数据库 {path} 不见了。本机最近一次打开它是在 {when}；它可能被移动、改名或删除，或者存放它的磁盘没有连接。没有创建任何文件。</translation>
        </message>
        <message>
            <source>There is no database at {path}. Nothing has been created.</source>
            <translation>{path} 处没有数据库。没有创建任何文件。</translation>
        </message>
        <message>
            <source>The newest backup of it was taken at {taken}; what was entered after that is not in it.</source>
            <translation>它最新的备份是在 {taken} 做的；此后录入的内容不在其中。</translation>
        </message>
        <message>
            <source>Restore the newest backup</source>
            <translation>恢复最新的备份</translation>
        </message>
        <message>
            <source>Open another file…</source>
            <translation>打开其他文件…</translation>
        </message>
        <message>
            <source>Connect to a database server…</source>
            <translation>连接数据库服务器…</translation>
        </message>
        <message>
            <source>Create a new, empty store here</source>
            <translation>在此新建一个空数据库</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>MoneyPage</name>
        <message>
            <source>Receivables</source>
            <translation>应收账款</translation>
        </message>
        <message>
            <source>Exchanges</source>
            <translation>退换货</translation>
        </message>
        <message>
            <source>Prices</source>
            <translation>价格</translation>
        </message>
        <message>
            <source>Money</source>
            <translation>收款</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <source>Exports the receivables or invoices tab</source>
            <translation>导出“应收账款”或“发票登记”页</translation>
        </message>
        <message>
            <source>Call, voucher or receipt number, then Enter</source>
            <translation>输入叫修单号、服务凭证号或收据号，按回车</translation>
        </message>
        <message>
            <source>Bill…</source>
            <translation>开收费单…</translation>
        </message>
        <message>
            <source>Work done that has no bill yet</source>
            <translation>已完工尚未开收费单</translation>
        </message>
        <message>
            <source>Bills</source>
            <translation>收费单</translation>
        </message>
        <message>
            <source>Confirm hand-over of this cash</source>
            <translation>确认收到此笔现金</translation>
        </message>
        <message>
            <source>Cash collected on site, not yet handed to the accountant</source>
            <translation>上门收取、尚未交会计的现金</translation>
        </message>
        <message>
            <source>Cash held</source>
            <translation>技术员持有现金</translation>
        </message>
        <message>
            <source>{n} payments, {total}, handed over.</source>
            <translation>{n} 笔，共 {total}，已交会计。</translation>
        </message>
        <message>
            <source>To be mailed</source>
            <translation>需邮寄</translation>
        </message>
        <message>
            <source>Show only invoices still to mail</source>
            <translation>只显示待邮寄的发票</translation>
        </message>
        <message>
            <source>Record invoice</source>
            <translation>登记发票</translation>
        </message>
        <message>
            <source>Mark as mailed today</source>
            <translation>标记为今日已寄出</translation>
        </message>
        <message>
            <source>Call, voucher or receipt number</source>
            <translation>叫修单号、服务凭证号或收据号</translation>
        </message>
        <message>
            <source>Invoice number</source>
            <translation>发票号</translation>
        </message>
        <message>
            <source>Amount (yuan)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <source>Invoices</source>
            <translation>发票登记</translation>
        </message>
        <message>
            <source>That call has no bill yet.</source>
            <translation>这张叫修单还没有收费单。</translation>
        </message>
        <message>
            <source>Invoice {number} recorded.</source>
            <translation>发票 {number} 已登记。</translation>
        </message>
        <message>
            <source>Print day-end report…</source>
            <translation>打印日结报表…</translation>
        </message>
        <message>
            <source>Day-end</source>
            <translation>日结</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>叫修单</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>服务类别</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术员</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>收款明细</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>现金</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>发票</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>开票日期</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Mailed</source>
            <translation>寄出</translation>
        </message>
        <message>
            <source>to mail</source>
            <translation>待寄</translation>
        </message>
        <message>
            <source>Billed</source>
            <translation>应收</translation>
        </message>
        <message>
            <source>Outstanding</source>
            <translation>未收</translation>
        </message>
        <message>
            <source>Age (days)</source>
            <translation>账龄（天）</translation>
        </message>
        <message>
            <source>{n} payments, total {total}, handed over {handed}, still held by technicians {held}</source>
            <translation>共 {n} 笔，合计 {total}，已交会计 {handed}，技术员尚未上交 {held}</translation>
        </message>
        <message>
            <source>At the counter</source>
            <translation>柜台</translation>
        </message>
        <message>
            <source>On site</source>
            <translation>上门</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>收款地点</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>收据</translation>
        </message>
        <message>
            <source>Collected by</source>
            <translation>收款人</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>付款方式</translation>
        </message>
    </context>
    <context>
        <name>MyJobsPage</name>
        <message>
            <source>Arrived</source>
            <translation>到达</translation>
        </message>
        <message>
            <source>Record visit…</source>
            <translation>上门记录…</translation>
        </message>
        <message>
            <source>Log internal work…</source>
            <translation>登记内部工作…</translation>
        </message>
        <message>
            <source>Print voucher</source>
            <translation>打印凭证</translation>
        </message>
        <message>
            <source>My daily report</source>
            <translation>我的工作日报表</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
    </context>
    <context>
        <name>NewComplaintDialog</name>
        <message>
            <source>New complaint</source>
            <translation>登记客户投诉</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Received from</source>
            <translation>投诉来源</translation>
        </message>
        <message>
            <source>Kind of complaint</source>
            <translation>投诉类别</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Customer abroad (17-day deadline)</source>
            <translation>国外客户（17 天期限）</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>投诉内容</translation>
        </message>
        <message>
            <source>Customer's demand</source>
            <translation>客户要求</translation>
        </message>
        <message>
            <source>(no item)</source>
            <translation>（无商品）</translation>
        </message>
    </context>
    <context>
        <name>NewContractDialog</name>
        <message>
            <source>New maintenance contract</source>
            <translation>新保养合同</translation>
        </message>
        <message>
            <source>Items covered</source>
            <translation>保养商品</translation>
        </message>
        <message>
            <source>Starts on</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>Ends on</source>
            <translation>到期日</translation>
        </message>
        <message>
            <source>Fee (yuan)</source>
            <translation>费用（元）</translation>
        </message>
        <message>
            <source>Covers labour</source>
            <translation>含人工</translation>
        </message>
        <message>
            <source>Covers parts</source>
            <translation>含零件</translation>
        </message>
        <message>
            <source>Visits per year</source>
            <translation>每年保养次数</translation>
        </message>
        <message>
            <source>Contract terms</source>
            <translation>合同条款</translation>
        </message>
    </context>
    <context>
        <name>Notices</name>
        <message>
            <source>{n} vouchers completed on site over a day ago are not closed: {numbers}</source>
            <translation>{n} 张凭证上门完工已超过一天仍未注销：{numbers}</translation>
        </message>
        <message>
            <source>{n} requests for help wait for an answer (oldest: {number}, {name})</source>
            <translation>{n} 条协助请求待答复（最早：{number}，{name}）</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <source>Today</source>
            <translation>今日</translation>
        </message>
        <message>
            <source>Call-log book</source>
            <translation>叫修登记簿</translation>
        </message>
        <message>
            <source>Carry-in repairs</source>
            <translation>送修商品</translation>
        </message>
        <message>
            <source>Dispatch board</source>
            <translation>派工台</translation>
        </message>
        <message>
            <source>My jobs</source>
            <translation>我的派工</translation>
        </message>
        <message>
            <source>Vouchers to close</source>
            <translation>待注销凭证</translation>
        </message>
        <message>
            <source>Daily reports</source>
            <translation>日报表</translation>
        </message>
        <message>
            <source>Goods in/out register</source>
            <translation>商品进出登记簿</translation>
        </message>
        <message>
            <source>Parts stock</source>
            <translation>配件库存</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Survey cards</source>
            <translation>客户意见调查卡</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>客户投诉</translation>
        </message>
        <message>
            <source>Follow-up calls</source>
            <translation>质量回访</translation>
        </message>
        <message>
            <source>Customer registers</source>
            <translation>登记表</translation>
        </message>
        <message>
            <source>Maintenance contracts</source>
            <translation>保养合同</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>数据备份</translation>
        </message>
        <message>
            <source>Money</source>
            <translation>收款</translation>
        </message>
        <message>
            <source>Monthly summary</source>
            <translation>月度统计报表</translation>
        </message>
        <message>
            <source>Service department</source>
            <translation>服务部</translation>
        </message>
    </context>
    <context>
        <name>PartDialog</name>
        <message>
            <source>New part</source>
            <translation>新增配件</translation>
        </message>
        <message>
            <source>Part &amp;No.</source>
            <translation>零件编号(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>姓名(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Unit</source>
            <translation>单位(&amp;U)</translation>
        </message>
        <message>
            <source>Unit &amp;price</source>
            <translation>单价(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Reorder level</source>
            <translation>补货点(&amp;R)</translation>
        </message>
        <message>
            <source>pc</source>
            <translation>个</translation>
        </message>
    </context>
    <context>
        <name>PartsPage</name>
        <message>
            <source>Part number or name</source>
            <translation>零件编号或名称</translation>
        </message>
        <message>
            <source>&amp;Low stock only</source>
            <translation>只看低库存(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;New part…</source>
            <translation>新增配件(&amp;N)…</translation>
        </message>
        <message>
            <source>Goods &amp;received…</source>
            <translation>入库(&amp;R)…</translation>
        </message>
        <message>
            <source>Stock &amp;count…</source>
            <translation>盘点(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Transfer store ↔ van…</source>
            <translation>库房⇄车上调拨(&amp;T)…</translation>
        </message>
        <message>
            <source>Move between &amp;branches…</source>
            <translation>分公司间调拨(&amp;B)…</translation>
        </message>
        <message>
            <source>My van</source>
            <translation>我的车载库存</translation>
        </message>
        <message>
            <source>Vans</source>
            <translation>各车库存</translation>
        </message>
    </context>
    <context>
        <name>PartsPicker</name>
        <message>
            <source>{label} (in stock {n})</source>
            <translation>{label}（库存 {n}）</translation>
        </message>
        <message>
            <source>{label} (van {van} / store {store})</source>
            <translation>{label}（车上 {van} / 库房 {store}）</translation>
        </message>
        <message>
            <source>From the &amp;store</source>
            <translation>从库房领(&amp;S)</translation>
        </message>
        <message>
            <source>Not from the van: the part comes off the store's shelf</source>
            <translation>不用车上的：从库房货架领用</translation>
        </message>
        <message>
            <source>&amp;Add part</source>
            <translation>添加零件(&amp;A)</translation>
        </message>
        <message>
            <source>Supervisor override: allow stock below zero</source>
            <translation>主任特批：允许库存为负</translation>
        </message>
        <message>
            <source>Reason for the override</source>
            <translation>超额领用原因</translation>
        </message>
        <message>
            <source>from the store</source>
            <translation>库房</translation>
        </message>
        <message>
            <source>from the van</source>
            <translation>车上</translation>
        </message>
    </context>
    <context>
        <name>PaymentMethods</name>
        <message>
            <source>Cash</source>
            <translation>现金</translation>
        </message>
        <message>
            <source>WeChat Pay</source>
            <translation>微信支付</translation>
        </message>
        <message>
            <source>Alipay</source>
            <translation>支付宝</translation>
        </message>
        <message>
            <source>Bank card</source>
            <translation>银行卡</translation>
        </message>
        <message>
            <source>Bank transfer</source>
            <translation>银行转账</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderPage</name>
        <message>
            <source>This book is not available yet.</source>
            <translation>这个登记簿尚未开放。</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>偏好设置</translation>
        </message>
        <message>
            <source>These settings apply to this computer.</source>
            <translation>这些设置只对本机有效。</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>界面语言</translation>
        </message>
    </context>
    <context>
        <name>PricesTab</name>
        <message>
            <source>Up to days since sale (empty: later)</source>
            <translation>售出天数上限（留空：以后所有天数）</translation>
        </message>
        <message>
            <source>Depreciation %</source>
            <translation>折旧率 %</translation>
        </message>
        <message>
            <source>Labour per hour: {kind}</source>
            <translation>每小时工时费：{kind}</translation>
        </message>
        <message>
            <source>Transport per trip: {zone}</source>
            <translation>每次交通费：{zone}</translation>
        </message>
        <message>
            <source>Save prices</source>
            <translation>保存价格</translation>
        </message>
        <message>
            <source>Add step</source>
            <translation>添加一档</translation>
        </message>
        <message>
            <source>Save depreciation table</source>
            <translation>保存折旧表</translation>
        </message>
        <message>
            <source>Returns and exchanges inside the warranty</source>
            <translation>保修期内退换货</translation>
        </message>
        <message>
            <source>Prices saved.</source>
            <translation>价格已保存。</translation>
        </message>
        <message>
            <source>Depreciation table saved.</source>
            <translation>折旧表已保存。</translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message>
            <source>Print preview: {title}</source>
            <translation>打印预览：{title}</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <source>Print test page…</source>
            <translation>打印测试页…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>缩放</translation>
        </message>
        <message>
            <source>{pages} page(s), {w} × {h} mm</source>
            <translation>共 {pages} 页，{w} × {h} 毫米</translation>
        </message>
        <message>
            <source>Printer: {name}</source>
            <translation>打印机：{name}</translation>
        </message>
        <message>
            <source>Print {title}</source>
            <translation>打印{title}</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>正在打印…</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Printing failed</source>
            <translation>打印失败</translation>
        </message>
        <message>
            <source>The document was not printed: {detail}</source>
            <translation>文档未打印：{detail}</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>另存为 PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Saving failed</source>
            <translation>保存失败</translation>
        </message>
        <message>
            <source>The PDF was not saved: {detail}</source>
            <translation>PDF 未保存：{detail}</translation>
        </message>
    </context>
    <context>
        <name>PrinterSetup</name>
        <message>
            <source>Forms (A4/A5 laser)</source>
            <translation>表单（A4/A5 激光打印机）</translation>
        </message>
        <message>
            <source>Receipts (80 mm thermal)</source>
            <translation>收据（80 毫米热敏打印机）</translation>
        </message>
        <message>
            <source>Repair tags (label printer)</source>
            <translation>修护卡（标签打印机）</translation>
        </message>
    </context>
    <context>
        <name>PrinterSetupWidget</name>
        <message>
            <source>Test page</source>
            <translation>测试页</translation>
        </message>
        <message>
            <source>Choose when printing</source>
            <translation>打印时选择</translation>
        </message>
        <message>
            <source>{name} (not found)</source>
            <translation>{name}（未找到）</translation>
        </message>
        <message>
            <source>Choose a printer first.</source>
            <translation>请先选择打印机。</translation>
        </message>
        <message>
            <source>The test page was not printed: {detail}</source>
            <translation>测试页未打印：{detail}</translation>
        </message>
        <message>
            <source>Test page sent to {name}.</source>
            <translation>测试页已发送到 {name}。</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>Printing failed</source>
            <translation>打印失败</translation>
        </message>
        <message>
            <source>The document was not printed: {detail}</source>
            <translation>文档未打印：{detail}</translation>
        </message>
        <message>
            <source>This computer has no printer chosen for it (Settings, Printing).</source>
            <translation>本机尚未为它选择打印机（设置 › 打印）。</translation>
        </message>
        <message>
            <source>The printer {name} is not found on this computer.</source>
            <translation>本机找不到打印机 {name}。</translation>
        </message>
        <message>
            <source>The printer refused it: {detail}</source>
            <translation>打印机未能打印：{detail}</translation>
        </message>
        <message>
            <source>Printer test page</source>
            <translation>打印测试页</translation>
        </message>
    </context>
    <context>
        <name>PrintingTab</name>
        <message>
            <source>Printers of this computer</source>
            <translation>本机打印机</translation>
        </message>
        <message>
            <source>Each document</source>
            <translation>各类单据</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>单据</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>纸张</translation>
        </message>
        <message>
            <source>Print in one keystroke</source>
            <translation>一键打印</translation>
        </message>
        <message>
            <source>No dialog</source>
            <translation>不弹出对话框</translation>
        </message>
        <message>
            <source>On saving a take-in</source>
            <translation>收件保存时</translation>
        </message>
        <message>
            <source>Print the receipt and the repair card</source>
            <translation>打印收据和修护卡</translation>
        </message>
        <message>
            <source>Print the receipt only</source>
            <translation>只打印收据</translation>
        </message>
        <message>
            <source>Print the repair card only</source>
            <translation>只打印修护卡</translation>
        </message>
        <message>
            <source>Print nothing (print from the item later)</source>
            <translation>不打印（以后在送修商品页打印）</translation>
        </message>
        <message>
            <source>each on the printer chosen for it below</source>
            <translation>各自在下方为它选择的打印机上打印</translation>
        </message>
        <message>
            <source>Save printing settings</source>
            <translation>保存打印设置</translation>
        </message>
        <message>
            <source>The printer of its group</source>
            <translation>按类别的打印机</translation>
        </message>
        <message>
            <source>{name} (not found)</source>
            <translation>{name}（未找到）</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>ProductModelDialog</name>
        <message>
            <source>Edit product model</source>
            <translation>编辑产品型号</translation>
        </message>
        <message>
            <source>New product model</source>
            <translation>新增产品型号</translation>
        </message>
        <message>
            <source> months</source>
            <translation>个月</translation>
        </message>
        <message>
            <source>Active (offered for new items)</source>
            <translation>启用（新商品可选）</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>品类</translation>
        </message>
        <message>
            <source>Brand</source>
            <translation>品牌</translation>
        </message>
        <message>
            <source>Warranty</source>
            <translation>保修期</translation>
        </message>
        <message>
            <source>Price (yuan)</source>
            <translation>价格（元）</translation>
        </message>
    </context>
    <context>
        <name>ProgressPanel</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>{done} of {total}</source>
            <translation>{done} / {total}</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Why? (required)</source>
            <translation>原因（必填）</translation>
        </message>
    </context>
    <context>
        <name>RecordNames</name>
        <message>
            <source>Bill lines</source>
            <translation>账单明细</translation>
        </message>
        <message>
            <source>Bills</source>
            <translation>账单</translation>
        </message>
        <message>
            <source>Branches</source>
            <translation>分公司</translation>
        </message>
        <message>
            <source>Branch store days</source>
            <translation>分公司营业日</translation>
        </message>
        <message>
            <source>Branch business hours</source>
            <translation>分公司营业时间</translation>
        </message>
        <message>
            <source>Branch prices</source>
            <translation>分公司价格</translation>
        </message>
        <message>
            <source>Branch settings</source>
            <translation>分公司设置</translation>
        </message>
        <message>
            <source>Branch stock</source>
            <translation>分公司库存</translation>
        </message>
        <message>
            <source>Business hours</source>
            <translation>营业时间</translation>
        </message>
        <message>
            <source>Chases</source>
            <translation>催修记录</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>叫修单</translation>
        </message>
        <message>
            <source>Cash hand-overs</source>
            <translation>现金交接</translation>
        </message>
        <message>
            <source>Complaint liaison notes</source>
            <translation>客户投诉洽办单</translation>
        </message>
        <message>
            <source>Complaint month figures</source>
            <translation>投诉月度统计</translation>
        </message>
        <message>
            <source>Complaint reminders</source>
            <translation>投诉催办</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>客户投诉</translation>
        </message>
        <message>
            <source>Contract items</source>
            <translation>合同商品</translation>
        </message>
        <message>
            <source>Contract renewal visits</source>
            <translation>合同续签拜访</translation>
        </message>
        <message>
            <source>Customer phones</source>
            <translation>客户电话</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Daily report lines</source>
            <translation>日报记录</translation>
        </message>
        <message>
            <source>Daily report steps</source>
            <translation>日报流程</translation>
        </message>
        <message>
            <source>Exchanges</source>
            <translation>换货</translation>
        </message>
        <message>
            <source>Expenses</source>
            <translation>费用报销</translation>
        </message>
        <message>
            <source>Feedback analyses</source>
            <translation>信息反馈分析</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>Internal work</source>
            <translation>内部工作</translation>
        </message>
        <message>
            <source>Invoices</source>
            <translation>发票</translation>
        </message>
        <message>
            <source>Item receipts</source>
            <translation>送修收据</translation>
        </message>
        <message>
            <source>Item returns</source>
            <translation>取回记录</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Job assignments</source>
            <translation>派工记录</translation>
        </message>
        <message>
            <source>Vouchers</source>
            <translation>派工凭证</translation>
        </message>
        <message>
            <source>Maintenance contracts</source>
            <translation>保养合同</translation>
        </message>
        <message>
            <source>Message consents</source>
            <translation>短信同意记录</translation>
        </message>
        <message>
            <source>Message templates</source>
            <translation>短信模板</translation>
        </message>
        <message>
            <source>Monthly submissions</source>
            <translation>月度报送</translation>
        </message>
        <message>
            <source>Messages to customers</source>
            <translation>客户短信</translation>
        </message>
        <message>
            <source>Parts</source>
            <translation>配件</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>收款</translation>
        </message>
        <message>
            <source>Product models</source>
            <translation>商品型号</translation>
        </message>
        <message>
            <source>Promise changes</source>
            <translation>承诺日期变更</translation>
        </message>
        <message>
            <source>Register lines</source>
            <translation>商品进出登记</translation>
        </message>
        <message>
            <source>Repair cards</source>
            <translation>修护卡</translation>
        </message>
        <message>
            <source>Requests for help</source>
            <translation>求助记录</translation>
        </message>
        <message>
            <source>Inspections</source>
            <translation>检验记录</translation>
        </message>
        <message>
            <source>Parts used</source>
            <translation>配件使用</translation>
        </message>
        <message>
            <source>Repair work</source>
            <translation>维修工作</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Stock movements</source>
            <translation>库存变动</translation>
        </message>
        <message>
            <source>Store days</source>
            <translation>营业日</translation>
        </message>
        <message>
            <source>Survey cards</source>
            <translation>客户意见调查卡</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Van stock</source>
            <translation>车载库存</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>上门记录</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>区域</translation>
        </message>
    </context>
    <context>
        <name>RecoverRecordDialog</name>
        <message>
            <source>Find a record in {name}</source>
            <translation>在 {name} 中查找记录</translation>
        </message>
        <message>
            <source>Document number or record id</source>
            <translation>单据号或记录编号</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>查找</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>In the backup</source>
            <translation>备份中的值</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>现在的值</translation>
        </message>
        <message>
            <source>Copy back into the live data</source>
            <translation>复制回当前数据</translation>
        </message>
        <message>
            <source>Kind of record</source>
            <translation>记录类型</translation>
        </message>
        <message>
            <source>Number or id</source>
            <translation>单据号或编号</translation>
        </message>
        <message>
            <source>Enter a document number or a record id.</source>
            <translation>请输入单据号或记录编号。</translation>
        </message>
        <message>
            <source>{n} fields differ from the live record.</source>
            <translation>有 {n} 个字段与当前记录不同。</translation>
        </message>
        <message>
            <source>The live record is the same as in the backup.</source>
            <translation>当前记录与备份中的相同。</translation>
        </message>
        <message>
            <source>Copied back; the change is on the audit trail.</source>
            <translation>已复制回当前数据，修改已记入审计记录。</translation>
        </message>
    </context>
    <context>
        <name>RegisterCallDialog</name>
        <message>
            <source>to {day}</source>
            <translation>至 {day}</translation>
        </message>
        <message>
            <source>New call</source>
            <translation>新叫修</translation>
        </message>
        <message>
            <source>New c&amp;ustomer</source>
            <translation>新客户(&amp;U)</translation>
        </message>
        <message>
            <source>Record as a chase (Ctrl+K)</source>
            <translation>记为催修（Ctrl+K）</translation>
        </message>
        <message>
            <source>The fault as the customer describes it</source>
            <translation>客户所述的故障现象</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>叫修单</translation>
        </message>
        <message>
            <source>&amp;Item</source>
            <translation>商品(&amp;I)</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>服务类别</translation>
        </message>
        <message>
            <source>&amp;Fault</source>
            <translation>故障(&amp;F)</translation>
        </message>
        <message>
            <source>C&amp;hannel</source>
            <translation>来源(&amp;H)</translation>
        </message>
        <message>
            <source>Ser&amp;vice</source>
            <translation>服务项目(&amp;V)</translation>
        </message>
        <message>
            <source>Ur&amp;gency</source>
            <translation>紧急程度(&amp;G)</translation>
        </message>
        <message>
            <source>R&amp;eceived</source>
            <translation>受理时间(&amp;E)</translation>
        </message>
        <message>
            <source>Customer chosen: type again to look for another</source>
            <translation>已选定客户：重新输入可查找其他客户</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>新客户</translation>
        </message>
        <message>
            <source>(no item / not known)</source>
            <translation>（不指定商品 / 不详）</translation>
        </message>
        <message>
            <source>New item…</source>
            <translation>新商品…</translation>
        </message>
        <message>
            <source>last covered day {day}</source>
            <translation>保修截止 {day}</translation>
        </message>
        <message>
            <source>Call {number} about this item is still open ({status}, chased {count} times).</source>
            <translation>该商品的叫修 {number} 尚未完结（{status}，已催修 {count} 次）。</translation>
        </message>
        <message>
            <source>Use the existing customer file?</source>
            <translation>使用已有的客户资料袋吗？</translation>
        </message>
    </context>
    <context>
        <name>RegisterCorrectionDialog</name>
        <message>
            <source>Correct register line {number}</source>
            <translation>更正登记 {number}</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Accessories</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Returned to</source>
            <translation>取回人</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>&amp;Reason for the correction</source>
            <translation>更正原因(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>RegisterPage</name>
        <message>
            <source>All lines</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>In the store</source>
            <translation>在店内</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已取回</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>&amp;Month</source>
            <translation>月份(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Print month…</source>
            <translation>打印本月(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Correct line…</source>
            <translation>更正登记(&amp;C)…</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <source>In the store now: {n} items ({late} overdue)</source>
            <translation>目前在店内：{n} 件（逾期 {late} 件）</translation>
        </message>
    </context>
    <context>
        <name>Registers</name>
        <message>
            <source>All of them</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Waiting to come back</source>
            <translation>待回收</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已取回</translation>
        </message>
        <message>
            <source>Not closed</source>
            <translation>未结案</translation>
        </message>
        <message>
            <source>Overdue complaints</source>
            <translation>逾期投诉</translation>
        </message>
        <message>
            <source>Not yet visited</source>
            <translation>尚未拜访</translation>
        </message>
        <message>
            <source>Closed complaints</source>
            <translation>已结案</translation>
        </message>
        <message>
            <source>Not yet analysed</source>
            <translation>尚未分析</translation>
        </message>
        <message>
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <source>Not satisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <source>Travel</source>
            <translation>差旅费</translation>
        </message>
        <message>
            <source>Transport</source>
            <translation>交通费</translation>
        </message>
        <message>
            <source>Shipping</source>
            <translation>运费</translation>
        </message>
        <message>
            <source>Other expense</source>
            <translation>其他费用</translation>
        </message>
        <message>
            <source>Survey card</source>
            <translation>客户意见调查卡</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Follow-up call</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>Noted by hand</source>
            <translation>人工登记</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Service counter</source>
            <translation>门市服务台</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <source>Jobs per category per day</source>
            <translation>每日各类别工单数</translation>
        </message>
        <message>
            <source>Summary handed in</source>
            <translation>汇总表已上报</translation>
        </message>
        <message>
            <source>Year: workbook and archive PDF…</source>
            <translation>全年：报表与归档 PDF…</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>The summary of {month} is recorded as handed in.</source>
            <translation>已登记 {month} 汇总表已上报。</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>已取消导出，未写入文件。</translation>
        </message>
        <message>
            <source>Saved {file}.</source>
            <translation>已保存 {file}。</translation>
        </message>
        <message>
            <source>The export failed: {error}</source>
            <translation>导出失败：{error}</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>ID card</source>
            <translation>身份证</translation>
        </message>
        <message>
            <source>Passport</source>
            <translation>护照</translation>
        </message>
        <message>
            <source>Driving licence</source>
            <translation>驾驶证</translation>
        </message>
        <message>
            <source>Other document</source>
            <translation>其他证件</translation>
        </message>
        <message>
            <source>Return without receipt {number}</source>
            <translation>无收据取件 {number}</translation>
        </message>
        <message>
            <source>Return {number}</source>
            <translation>取件 {number}</translation>
        </message>
        <message>
            <source>The customer has &amp;signed for the item</source>
            <translation>客户已签收(&amp;S)</translation>
        </message>
        <message>
            <source>Paid now</source>
            <translation>当场收款</translation>
        </message>
        <message>
            <source>Stays receivable (invoice / pay later)</source>
            <translation>转为应收（开票 / 以后收款）</translation>
        </message>
        <message>
            <source>Why it stays receivable</source>
            <translation>转为应收的原因</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>&amp;Collected by</source>
            <translation>取件人(&amp;C)</translation>
        </message>
        <message>
            <source>ID &amp;type</source>
            <translation>证件类型(&amp;T)</translation>
        </message>
        <message>
            <source>ID number, &amp;last digits</source>
            <translation>证件号后几位(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Phone on file</source>
            <translation>登记电话(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>备注(&amp;N)</translation>
        </message>
        <message>
            <source>Still owed</source>
            <translation>尚欠金额</translation>
        </message>
        <message>
            <source>&amp;Bill</source>
            <translation>结算(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Amount</source>
            <translation>金额(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Method</source>
            <translation>方式(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>原因(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>RingPanel</name>
        <message>
            <source>Incoming calls</source>
            <translation>来电</translation>
        </message>
        <message>
            <source>New call (Enter)</source>
            <translation>新建叫修（回车）</translation>
        </message>
        <message>
            <source>Open call (Ctrl+O)</source>
            <translation>打开叫修（Ctrl+O）</translation>
        </message>
        <message>
            <source>Dismiss (Del)</source>
            <translation>关闭（Del）</translation>
        </message>
        <message>
            <source>New number</source>
            <translation>新号码</translation>
        </message>
        <message>
            <source>(no number)</source>
            <translation>（无号码）</translation>
        </message>
        <message>
            <source>Incoming calls ({count})</source>
            <translation>来电（{count}）</translation>
        </message>
        <message>
            <source> · line {line}</source>
            <translation>· 线路 {line}</translation>
        </message>
        <message>
            <source>mobile</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>landline</source>
            <translation>固定电话</translation>
        </message>
        <message>
            <source>local number</source>
            <translation>本地号码（无区号）</translation>
        </message>
        <message>
            <source>{count} calls in the last 7 days</source>
            <translation>近 7 天来电 {count} 次</translation>
        </message>
        <message>
            <source>{count} open calls</source>
            <translation>未结叫修 {count} 件</translation>
        </message>
        <message>
            <source>overdue by {time}</source>
            <translation>已超时 {time}</translation>
        </message>
        <message>
            <source>{time} left</source>
            <translation>剩余 {time}</translation>
        </message>
        <message>
            <source>chased {count}×</source>
            <translation>已催修 {count} 次</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <source>Connect to a database server</source>
            <translation>连接数据库服务器</translation>
        </message>
        <message>
            <source>only to change the one kept</source>
            <translation>仅在需要更改已保存的密码时填写</translation>
        </message>
        <message>
            <source>Encrypted, server checked (recommended)</source>
            <translation>加密，验证服务器身份（推荐）</translation>
        </message>
        <message>
            <source>Encrypted, certificate checked</source>
            <translation>加密，验证证书</translation>
        </message>
        <message>
            <source>Encrypted, server not checked</source>
            <translation>加密，不验证服务器</translation>
        </message>
        <message>
            <source>Encrypted if the server offers it (this PC only)</source>
            <translation>服务器支持时加密（仅限本机）</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Encryption</source>
            <translation>加密方式</translation>
        </message>
        <message>
            <source>Root certificate</source>
            <translation>根证书</translation>
        </message>
        <message>
            <source>The server's root certificate</source>
            <translation>服务器的根证书</translation>
        </message>
        <message>
            <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
            <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>ServiceDeptPage</name>
        <message>
            <source>All branches</source>
            <translation>全部分公司</translation>
        </message>
        <message>
            <source>Open the branch's book</source>
            <translation>打开该分公司的登记簿</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>分公司</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Call-log books</source>
            <translation>叫修登记簿</translation>
        </message>
        <message>
            <source>Survey cards to send</source>
            <translation>待寄调查卡</translation>
        </message>
        <message>
            <source>Daily reports received</source>
            <translation>收到的日报表</translation>
        </message>
        <message>
            <source>To chase</source>
            <translation>待催办</translation>
        </message>
        <message>
            <source>Choose a branch and open its book of the day.</source>
            <translation>选择分公司，打开其当天的叫修登记簿。</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>叫修数</translation>
        </message>
        <message>
            <source>Still open</source>
            <translation>尚未完成</translation>
        </message>
        <message>
            <source>Company total</source>
            <translation>全公司合计</translation>
        </message>
        <message>
            <source>Calls in the book</source>
            <translation>登记簿叫修数</translation>
        </message>
        <message>
            <source>Cards to send</source>
            <translation>待寄卡数</translation>
        </message>
        <message>
            <source>Cards sent that day</source>
            <translation>当天已寄卡数</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>已收到</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Signed by the manager</source>
            <translation>经理签章</translation>
        </message>
        <message>
            <source>Signed at</source>
            <translation>签章时间</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Forwarded at</source>
            <translation>转送时间</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Not received from: {branches}</source>
            <translation>尚未收到：{branches}</translation>
        </message>
        <message>
            <source>Every branch's report has been received.</source>
            <translation>各分公司的日报表均已收到。</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>Days overdue</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Repair past its date</source>
            <translation>修理逾期</translation>
        </message>
        <message>
            <source>Technician late</source>
            <translation>技术员未按时到达</translation>
        </message>
        <message>
            <source>Call No.</source>
            <translation>叫修单号</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>叫修时间</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>故障</translation>
        </message>
        <message>
            <source>Call-log book of {branch}, {day}: {n} calls</source>
            <translation>{branch} {day} 叫修登记簿：{n} 件</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Branch name</source>
            <translation>分公司名称</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Dispatch within (business hours)</source>
            <translation>派工时限（营业小时）</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>分公司</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>已锁定</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Store</source>
            <translation>门店</translation>
        </message>
        <message>
            <source>Business hours</source>
            <translation>营业时间</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Staff accounts</source>
            <translation>员工账号</translation>
        </message>
        <message>
            <source>Branches</source>
            <translation>分公司</translation>
        </message>
        <message>
            <source>Product models</source>
            <translation>产品型号</translation>
        </message>
        <message>
            <source>Printing (this computer)</source>
            <translation>打印（本机）</translation>
        </message>
        <message>
            <source>Database (this computer)</source>
            <translation>数据库（本机）</translation>
        </message>
        <message>
            <source>Import from Excel</source>
            <translation>从 Excel 导入</translation>
        </message>
    </context>
    <context>
        <name>SetupChecklist</name>
        <message>
            <source>Store name, address and phone</source>
            <translation>门店名称、地址和电话</translation>
        </message>
        <message>
            <source>Business hours</source>
            <translation>营业时间</translation>
        </message>
        <message>
            <source>Service zones</source>
            <translation>服务区域</translation>
        </message>
        <message>
            <source>Product models (import from Excel)</source>
            <translation>产品型号（从 Excel 导入）</translation>
        </message>
        <message>
            <source>Staff accounts: clerk, supervisor, technician</source>
            <translation>员工账号：业务员、服务主任、技术员</translation>
        </message>
        <message>
            <source>Printers of this computer</source>
            <translation>本机打印机</translation>
        </message>
        <message>
            <source>The letterhead of every printed form needs the address and the phone.</source>
            <translation>所有打印单据的抬头都需要地址和电话。</translation>
        </message>
        <message>
            <source>Deadlines count business hours only.</source>
            <translation>期限只按营业时间计算。</translation>
        </message>
        <message>
            <source>Each zone has its dispatch deadline.</source>
            <translation>每个区域有各自的派工期限。</translation>
        </message>
        <message>
            <source>Calls pick the model from this list.</source>
            <translation>登记叫修和收件时从此目录中选择型号。</translation>
        </message>
        <message>
            <source>Each person logs in with an account.</source>
            <translation>每位员工用自己的账号登录。</translation>
        </message>
        <message>
            <source>Receipts, repair cards and forms.</source>
            <translation>收据、修护卡和表单。</translation>
        </message>
    </context>
    <context>
        <name>SetupChecklistWidget</name>
        <message>
            <source>Continue set-up…</source>
            <translation>继续设置…</translation>
        </message>
        <message>
            <source>Left to set up: {n} of {total}</source>
            <translation>尚待设置：共 {total} 项，还剩 {n} 项</translation>
        </message>
        <message>
            <source>The store is set up.</source>
            <translation>门店已设置完毕。</translation>
        </message>
        <message>
            <source>Still missing: {roles}</source>
            <translation>还缺：{roles}</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>The name, address and phone head every receipt, voucher and report you print.</source>
            <translation>名称、地址和电话印在每张领取收据、服务凭证和报表的抬头。</translation>
        </message>
        <message>
            <source>Deadlines count business hours only. The usual hours are filled in: change them or accept them.</source>
            <translation>期限只按营业时间计算。已填好常用的营业时间：可以修改，也可以直接接受。</translation>
        </message>
        <message>
            <source>A city and a suburb zone are ready, each with its dispatch deadline. Add or change zones here (Save zone), then Next accepts them.</source>
            <translation>已准备好市区和郊区两个区域，各有派工期限。可在此添加或修改区域（保存区域），然后按“下一步”接受。</translation>
        </message>
        <message>
            <source>Calls pick the product model from the catalogue. Import it from an Excel sheet now, or skip and do it later.</source>
            <translation>登记叫修时从目录中选择产品型号。现在可以从 Excel 表导入，也可以跳过，稍后再做。</translation>
        </message>
        <message>
            <source>One account for each person at the counter. Fill in the rows you need; empty rows are left out. Passwords need 6 characters or more.</source>
            <translation>每位员工一个账号。填写需要的行即可，空行不会建立。密码至少 6 个字符。</translation>
        </message>
        <message>
            <source>The printers of this computer, by kind of paper. Each document's printer and paper can be changed later in Settings, Printing.</source>
            <translation>本机按纸张种类选择打印机。每种单据的打印机和纸张以后可在“设置 › 打印”中修改。</translation>
        </message>
        <message>
            <source>That is all for now. What is not done stays on the Today page until it is; Continue set-up there brings you back here.</source>
            <translation>暂时就这些。尚未完成的项目会一直显示在“今日”页，直到完成为止；在那里点“继续设置”即可回到这里。</translation>
        </message>
        <message>
            <source>Service Counter — Store set-up</source>
            <translation>售后服务台 — 门店设置</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; 上一步(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Skip (do it later)</source>
            <translation>跳过，稍后再做(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>下一步(&amp;N) &gt;</translation>
        </message>
        <message>
            <source>Close, continue &amp;later</source>
            <translation>关闭，稍后继续(&amp;L)</translation>
        </message>
        <message>
            <source>What is left to do</source>
            <translation>尚待完成的事项</translation>
        </message>
        <message>
            <source>Set-up</source>
            <translation>设置步骤</translation>
        </message>
        <message>
            <source>&amp;Finish</source>
            <translation>完成(&amp;F)</translation>
        </message>
    </context>
    <context>
        <name>StaffStep</name>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
    </context>
    <context>
        <name>StaffTab</name>
        <message>
            <source>Active</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>重设密码</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>分公司</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>New account</source>
            <translation>新建账号</translation>
        </message>
        <message>
            <source>Save account</source>
            <translation>保存账号</translation>
        </message>
        <message>
            <source>Service department</source>
            <translation>服务部</translation>
        </message>
        <message>
            <source> (closed)</source>
            <translation>（已停用）</translation>
        </message>
        <message>
            <source>New password for this account</source>
            <translation>此账号的新密码</translation>
        </message>
        <message>
            <source>At least 6 characters</source>
            <translation>至少 6 个字符</translation>
        </message>
        <message>
            <source>The password was changed.</source>
            <translation>密码已修改。</translation>
        </message>
        <message>
            <source>The account is unlocked.</source>
            <translation>账号已解锁。</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>This database was made by a newer version of Service Counter. Install the newer version; nothing was changed.</source>
            <translation>这个数据库是由更新版本的售后服务台创建的。请安装新版本；数据库没有任何改动。</translation>
        </message>
        <message>
            <source>This file is not a Service Counter database. Nothing was changed.</source>
            <translation>这个文件不是售后服务台的数据库。没有做任何改动。</translation>
        </message>
        <message>
            <source>The database cannot be written (the file or its folder is read-only). Ask your administrator to fix the permissions; nothing was changed.</source>
            <translation>数据库无法写入（文件或其所在文件夹为只读）。请让系统管理员修改权限；没有做任何改动。</translation>
        </message>
        <message>
            <source>{reason}

This version must upgrade the database and backs it up first; the backup failed, so nothing was changed.</source>
            <translation>{reason}

这个版本需要升级数据库，升级前要先备份；备份失败了，所以没有做任何改动。</translation>
        </message>
        <message>
            <source>The disk holding the database is full. Free some space and start again; nothing was changed.</source>
            <translation>数据库所在的磁盘已满。请腾出空间后重新启动；没有做任何改动。</translation>
        </message>
        <message>
            <source>The database file cannot be opened. Check that its folder exists and that you may write to it.</source>
            <translation>无法打开数据库文件。请检查其文件夹是否存在，以及您是否有写入权限。</translation>
        </message>
        <message>
            <source>The database server cannot be reached. Check the network and that the server is running, then start again; nothing was changed.</source>
            <translation>无法连接数据库服务器。请检查网络和服务器是否在运行，然后重新启动本程序；未做任何更改。</translation>
        </message>
        <message>
            <source>the password is wrong or missing (service-counter db-password).</source>
            <translation>密码错误或未保存密码（用 service-counter db-password 保存）。</translation>
        </message>
        <message>
            <source>the server's certificate was not accepted (sslrootcert, sslmode).</source>
            <translation>服务器证书未通过验证（请检查根证书和加密方式设置）。</translation>
        </message>
        <message>
            <source>the server does not let this user connect from this PC.</source>
            <translation>服务器不允许该用户从本机连接。</translation>
        </message>
        <message>
            <source>The database server refused the connection: {reason} Nothing was changed; see the README, "PostgreSQL".</source>
            <translation>数据库服务器拒绝了连接：{reason}未做任何更改；请参阅说明文档的“PostgreSQL”一节。</translation>
        </message>
        <message>
            <source>Service Counter</source>
            <translation>售后服务台</translation>
        </message>
        <message>
            <source>This PC could not note the server for the next starts; connect to it again then.</source>
            <translation>本机无法记下该服务器，下次启动时请再次连接。</translation>
        </message>
        <message>
            <source>Service Counter cannot start</source>
            <translation>售后服务台无法启动</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>StockDialog</name>
        <message>
            <source>Stock count: {part}</source>
            <translation>盘点：{part}</translation>
        </message>
        <message>
            <source>Goods received: {part}</source>
            <translation>入库：{part}</translation>
        </message>
        <message>
            <source>&amp;Quantity received</source>
            <translation>入库数量(&amp;Q)</translation>
        </message>
        <message>
            <source>Counted in the &amp;store</source>
            <translation>库房实点数量(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>原因(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>备注(&amp;N)</translation>
        </message>
    </context>
    <context>
        <name>StoreChoiceDialog</name>
        <message>
            <source>This PC's database</source>
            <translation>本机数据库</translation>
        </message>
        <message>
            <source>Service Counter starts on this PC for the first time. Where are the store's records kept?</source>
            <translation>售后服务台第一次在本机启动。门店的资料存放在哪里？</translation>
        </message>
        <message>
            <source>A store of its own (one counter, or the PC that keeps the store's file): create the store's database on this PC.
A branch of a company: connect to the company's server (the service department gives its address and your user name).
This PC remembers the answer; Settings can change it later.</source>
            <translation>独立门店（只有一台电脑，或本机就是存放门店数据的电脑）：在本机新建门店数据库。
公司的分公司：连接公司服务器（服务器地址和您的用户名由服务部提供）。
本机会记住此选择，以后可在“设置”中更改。</translation>
        </message>
        <message>
            <source>Create the store's database on this PC</source>
            <translation>本机新建门店数据库</translation>
        </message>
        <message>
            <source>Connect to the company's server…</source>
            <translation>连接公司服务器…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>StoreDaysDialog</name>
        <message>
            <source>Store calendar</source>
            <translation>门店日历</translation>
        </message>
        <message>
            <source>Closed (store's own day off)</source>
            <translation>停业（门店自定休息日）</translation>
        </message>
        <message>
            <source>Open (extra working day)</source>
            <translation>营业（额外工作日）</translation>
        </message>
        <message>
            <source>Save day</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Store is</source>
            <translation>门店</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Public holidays and make-up working days come from the official calendar; days saved here override it.</source>
            <translation>法定节假日和调休工作日来自国家日历；这里保存的日期优先。</translation>
        </message>
        <message>
            <source>open</source>
            <translation>营业</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>停业</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>StoreProfileTab</name>
        <message>
            <source>Service centre</source>
            <translation>服务中心</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>分公司</translation>
        </message>
        <message>
            <source>Save profile</source>
            <translation>保存门店资料</translation>
        </message>
        <message>
            <source>Printed on the customer item receipt</source>
            <translation>打印在客户商品领取收据上</translation>
        </message>
        <message>
            <source>Save terms</source>
            <translation>保存条款</translation>
        </message>
        <message>
            <source>Store profile</source>
            <translation>门店资料</translation>
        </message>
        <message>
            <source>Store name</source>
            <translation>门店名称</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>时区</translation>
        </message>
        <message>
            <source>Receipt terms</source>
            <translation>收据条款</translation>
        </message>
    </context>
    <context>
        <name>Submissions</name>
        <message>
            <source>{title} for {month} was due on {due}: {days} days late.</source>
            <translation>{month} 的{title}应于 {due} 前上报：已逾期 {days} 天。</translation>
        </message>
        <message>
            <source>{title} for {month} is due by {due}.</source>
            <translation>{month} 的{title}须于 {due} 前上报。</translation>
        </message>
    </context>
    <context>
        <name>SurveysPage</name>
        <message>
            <source>Waiting to come back</source>
            <translation>待回收</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已取回</translation>
        </message>
        <message>
            <source>Cards</source>
            <translation>调查卡</translation>
        </message>
        <message>
            <source>Issue the day's cards</source>
            <translation>开立当天的调查卡</translation>
        </message>
        <message>
            <source>Card or call No., or scan the QR code</source>
            <translation>调查卡号或叫修编号，或扫描二维码</translation>
        </message>
        <message>
            <source>Enter returned card…</source>
            <translation>登记回收的调查卡…</translation>
        </message>
        <message>
            <source>Print card</source>
            <translation>打印调查卡</translation>
        </message>
        <message>
            <source>All of them</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Monthly appraisal per technician</source>
            <translation>技术员月度考评</translation>
        </message>
        <message>
            <source>Cards for the day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Survey cards</source>
            <translation>客户意见调查卡</translation>
        </message>
        <message>
            <source>Every call served by that day already has its card.</source>
            <translation>截至该日已服务的叫修都已有调查卡。</translation>
        </message>
        <message>
            <source>Survey card</source>
            <translation>客户意见调查卡</translation>
        </message>
        <message>
            <source>Returned survey card {number}</source>
            <translation>回收的调查卡 {number}</translation>
        </message>
        <message>
            <source>Came back</source>
            <translation>回收方式</translation>
        </message>
        <message>
            <source>Suggestions or complaints</source>
            <translation>建议或抱怨</translation>
        </message>
        <message>
            <source>The card carries a complaint: open it now</source>
            <translation>此卡附有抱怨：立即登记投诉</translation>
        </message>
        <message>
            <source>Kind of complaint</source>
            <translation>投诉类别</translation>
        </message>
        <message>
            <source>Jobs done</source>
            <translation>完成工作数</translation>
        </message>
        <message>
            <source>Late arrivals</source>
            <translation>迟到次数</translation>
        </message>
        <message>
            <source>Cards sent</source>
            <translation>已寄出</translation>
        </message>
        <message>
            <source>Complaints naming them</source>
            <translation>被投诉次数</translation>
        </message>
        <message>
            <source>Print appraisal</source>
            <translation>打印考评表</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术员</translation>
        </message>
        <message>
            <source>Unsatisfied ratings</source>
            <translation>“不满意”评分数</translation>
        </message>
    </context>
    <context>
        <name>SwitchUserDialog</name>
        <message>
            <source>Switch user</source>
            <translation>切换用户</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Press the number of your name, type your password, press Enter.</source>
            <translation>按下您姓名前的数字，输入密码，再按回车。</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
    </context>
    <context>
        <name>TakeInFields</name>
        <message>
            <source>Remote control</source>
            <translation>遥控器</translation>
        </message>
        <message>
            <source>Power cord</source>
            <translation>电源线</translation>
        </message>
        <message>
            <source>Manual</source>
            <translation>说明书</translation>
        </message>
        <message>
            <source>Box</source>
            <translation>包装箱</translation>
        </message>
        <message>
            <source>Parts bag</source>
            <translation>配件包</translation>
        </message>
    </context>
    <context>
        <name>TakeInFieldsWidget</name>
        <message>
            <source>Other accessories</source>
            <translation>其他附件</translation>
        </message>
        <message>
            <source>Scratches, dents, missing parts …</source>
            <translation>划痕、凹痕、缺件……</translation>
        </message>
        <message>
            <source>Accessories</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>C&amp;ondition</source>
            <translation>外观状况(&amp;O)</translation>
        </message>
        <message>
            <source>Promise&amp;d date</source>
            <translation>承诺日期(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Technician</source>
            <translation>技术员(&amp;T)</translation>
        </message>
    </context>
    <context>
        <name>TelephonyDialog</name>
        <message>
            <source>Caller ID</source>
            <translation>来电显示</translation>
        </message>
        <message>
            <source>Voice modem or caller-ID box (serial / USB)</source>
            <translation>语音调制解调器或来电显示盒（串口 / USB）</translation>
        </message>
        <message>
            <source>auto = ATZ; ATE0; AT+VCID=1 (AT#CID=1 if refused). Empty for a box that needs no commands. Several commands separated by ;</source>
            <translation>auto = ATZ; ATE0; AT+VCID=1（不支持时改用 AT#CID=1）。来电显示盒无需命令时留空。多条命令用 ; 分隔</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>波特率</translation>
        </message>
        <message>
            <source>Start commands</source>
            <translation>初始化命令</translation>
        </message>
        <message>
            <source>PBX hook (HTTP on this computer)</source>
            <translation>交换机接口（本机 HTTP）</translation>
        </message>
        <message>
            <source>Accept calls from the local network</source>
            <translation>接受局域网内的请求</translation>
        </message>
        <message>
            <source>New secret</source>
            <translation>生成新密钥</translation>
        </message>
        <message>
            <source>Shared secret</source>
            <translation>共享密钥</translation>
        </message>
        <message>
            <source>The PBX sends POST /ring with {"number": …, "line": …} and the header Authorization: Bearer &lt;secret&gt;.</source>
            <translation>交换机发送 POST /ring，内容 {"number": …, "line": …}，并带请求头 Authorization: Bearer &lt;密钥&gt;。</translation>
        </message>
        <message>
            <source>Sending messages to customers from this computer</source>
            <translation>本机发送客户短信</translation>
        </message>
        <message>
            <source>This computer sends no messages</source>
            <translation>本机不发送短信</translation>
        </message>
        <message>
            <source>GSM modem on a serial port</source>
            <translation>串口 GSM 短信猫</translation>
        </message>
        <message>
            <source>HTTP SMS gateway</source>
            <translation>HTTP 短信平台</translation>
        </message>
        <message>
            <source>Send by</source>
            <translation>发送方式</translation>
        </message>
        <message>
            <source>Modem port</source>
            <translation>短信猫端口</translation>
        </message>
        <message>
            <source>Gateway address</source>
            <translation>短信平台地址</translation>
        </message>
        <message>
            <source>Gateway token</source>
            <translation>短信平台令牌</translation>
        </message>
        <message>
            <source>Request body (JSON)</source>
            <translation>请求内容（JSON）</translation>
        </message>
        <message>
            <source>Status address</source>
            <translation>发送状态查询地址</translation>
        </message>
        <message>
            <source>These settings apply to this computer.</source>
            <translation>这些设置只对本机有效。</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Calls past their deadline: {n}</source>
            <translation>已超时的叫修：{n}</translation>
        </message>
        <message>
            <source>Calls left over from earlier days: {n}</source>
            <translation>前几天遗留的叫修：{n}</translation>
        </message>
        <message>
            <source>Vouchers done, not yet closed: {n}</source>
            <translation>已完工未注销的凭证：{n}</translation>
        </message>
        <message>
            <source>Repairs past their promised date: {n}</source>
            <translation>超过承诺日期的送修：{n}</translation>
        </message>
        <message>
            <source>Complaints past their deadline: {n}</source>
            <translation>超过处理期限的投诉：{n}</translation>
        </message>
        <message>
            <source>Contracts to renew: {n}</source>
            <translation>待续约的合同：{n}</translation>
        </message>
        <message>
            <source>Parts at or below reorder level: {n}</source>
            <translation>达到补货点的配件：{n}</translation>
        </message>
        <message>
            <source>Technicians still holding cash: {n}</source>
            <translation>尚未交款的技术员：{n}</translation>
        </message>
        <message>
            <source>Follow-up calls due: {n}</source>
            <translation>到期的回访：{n}</translation>
        </message>
        <message>
            <source>first: {first}</source>
            <translation>最早：{first}</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今日</translation>
        </message>
        <message>
            <source>Enter on a line opens its book.</source>
            <translation>在一行上按回车键打开相应的簿册。</translation>
        </message>
    </context>
    <context>
        <name>TransferDialog</name>
        <message>
            <source>Transfer: {part}</source>
            <translation>调拨：{part}</translation>
        </message>
        <message>
            <source>Store → van</source>
            <translation>库房 → 车上（领料上车）</translation>
        </message>
        <message>
            <source>Van → store</source>
            <translation>车上 → 库房（退回库房）</translation>
        </message>
        <message>
            <source>&amp;Technician</source>
            <translation>技术员(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Direction</source>
            <translation>方向(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Quantity</source>
            <translation>数量(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>备注(&amp;N)</translation>
        </message>
        <message>
            <source>Van {van} / store {store}</source>
            <translation>车上 {van} / 库房 {store}</translation>
        </message>
    </context>
    <context>
        <name>VisitDialog</name>
        <message>
            <source>Record visit — {number}</source>
            <translation>上门记录 — {number}</translation>
        </message>
        <message>
            <source>Completed on site</source>
            <translation>现场完工</translation>
        </message>
        <message>
            <source>Not fixable: taken in</source>
            <translation>现场无法修复：带回</translation>
        </message>
        <message>
            <source>Unfinished: another visit</source>
            <translation>未完成：需再次上门</translation>
        </message>
        <message>
            <source>From the times</source>
            <translation>按时间计算</translation>
        </message>
        <message>
            <source> min</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>Other parts, e.g. the customer's own</source>
            <translation>其他零件，如客户自备</translation>
        </message>
        <message>
            <source>Empty: nothing taken</source>
            <translation>空白：未收款</translation>
        </message>
        <message>
            <source>The customer signed the voucher</source>
            <translation>客户已在凭证上签字</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>到达</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>完工时间</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Work done</source>
            <translation>维修内容</translation>
        </message>
        <message>
            <source>Labour time</source>
            <translation>工时</translation>
        </message>
        <message>
            <source>Parts note</source>
            <translation>零件备注</translation>
        </message>
        <message>
            <source>Parts from stock</source>
            <translation>库存零件</translation>
        </message>
        <message>
            <source>Money taken (yuan)</source>
            <translation>当场收款（元）</translation>
        </message>
    </context>
    <context>
        <name>VoiceLabels</name>
        <message>
            <source>Product quality</source>
            <translation>商品质量</translation>
        </message>
        <message>
            <source>Product function</source>
            <translation>使用功能</translation>
        </message>
        <message>
            <source>Damaged packaging</source>
            <translation>包装破损</translation>
        </message>
        <message>
            <source>Staff attitude</source>
            <translation>人员态度</translation>
        </message>
        <message>
            <source>After-sales service</source>
            <translation>售后服务</translation>
        </message>
        <message>
            <source>Other complaint</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Quality inspection / manufacturer</source>
            <translation>质检部门／生产厂家</translation>
        </message>
        <message>
            <source>Warehouse and delivery</source>
            <translation>仓储配送部门</translation>
        </message>
        <message>
            <source>Sales department</source>
            <translation>销售部</translation>
        </message>
        <message>
            <source>Service department</source>
            <translation>服务部</translation>
        </message>
        <message>
            <source>Ordinary case</source>
            <translation>一般</translation>
        </message>
        <message>
            <source>Serious case</source>
            <translation>重大</translation>
        </message>
        <message>
            <source>Phone call</source>
            <translation>来电</translation>
        </message>
        <message>
            <source>Survey card</source>
            <translation>客户意见调查卡</translation>
        </message>
        <message>
            <source>Customer visit</source>
            <translation>来访</translation>
        </message>
        <message>
            <source>Open complaint</source>
            <translation>处理中</translation>
        </message>
        <message>
            <source>Resolved complaint</source>
            <translation>已处理</translation>
        </message>
        <message>
            <source>Closed complaint</source>
            <translation>已结案</translation>
        </message>
        <message>
            <source>Active contract</source>
            <translation>有效</translation>
        </message>
        <message>
            <source>Renewed contract</source>
            <translation>已续约</translation>
        </message>
        <message>
            <source>Lapsed contract</source>
            <translation>未续约</translation>
        </message>
        <message>
            <source>Cancelled contract</source>
            <translation>已作废</translation>
        </message>
        <message>
            <source>Customer renews</source>
            <translation>客户续约</translation>
        </message>
        <message>
            <source>Customer declines</source>
            <translation>客户不续约</translation>
        </message>
        <message>
            <source>Customer still deciding</source>
            <translation>客户尚在考虑</translation>
        </message>
        <message>
            <source>Card sent</source>
            <translation>已寄出</translation>
        </message>
        <message>
            <source>Card returned</source>
            <translation>已回收</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>来信</translation>
        </message>
        <message>
            <source>Follow-up call</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>In writing</source>
            <translation>书面</translation>
        </message>
        <message>
            <source>By phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>4 Very satisfied</source>
            <translation>4 很满意</translation>
        </message>
        <message>
            <source>3 Satisfied</source>
            <translation>3 满意</translation>
        </message>
        <message>
            <source>2 Fair rating</source>
            <translation>2 一般</translation>
        </message>
        <message>
            <source>1 Unsatisfied</source>
            <translation>1 不满意</translation>
        </message>
        <message>
            <source>On paper</source>
            <translation>书面</translation>
        </message>
        <message>
            <source>Attitude</source>
            <translation>态度</translation>
        </message>
        <message>
            <source>Skill</source>
            <translation>技术</translation>
        </message>
        <message>
            <source>Arrival time</source>
            <translation>到达时间</translation>
        </message>
        <message>
            <source>Follow-through on promises</source>
            <translation>答应事情的办理</translation>
        </message>
    </context>
    <context>
        <name>VoicePageBase</name>
        <message>
            <source>Show figures</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Month of figures</source>
            <translation>月份</translation>
        </message>
    </context>
    <context>
        <name>VoiceRegistersPage</name>
        <message>
            <source>All dates</source>
            <translation>全部日期</translation>
        </message>
        <message>
            <source>Name, number or words</source>
            <translation>姓名、编号或关键词</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <source>Collect feedback</source>
            <translation>汇集反馈</translation>
        </message>
        <message>
            <source>Analyse and send…</source>
            <translation>分析并送出…</translation>
        </message>
        <message>
            <source>Record expense…</source>
            <translation>登记费用…</translation>
        </message>
        <message>
            <source>Customer's file…</source>
            <translation>客户档案…</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>登记表</translation>
        </message>
        <message>
            <source>{shown} of {total} lines</source>
            <translation>显示 {shown} / 共 {total} 行</translation>
        </message>
        <message>
            <source>{n} new lines from cards, complaints and follow-ups.</source>
            <translation>从调查卡、投诉和回访新增 {n} 行。</translation>
        </message>
        <message>
            <source>Analyse feedback</source>
            <translation>分析反馈</translation>
        </message>
        <message>
            <source>Analysis</source>
            <translation>分析</translation>
        </message>
        <message>
            <source>Sent to</source>
            <translation>送往部门</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Record expense</source>
            <translation>登记费用</translation>
        </message>
        <message>
            <source>Spent on</source>
            <translation>支出日期</translation>
        </message>
        <message>
            <source>Kind of expense</source>
            <translation>费用类别</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>个人</translation>
        </message>
        <message>
            <source>Amount (yuan)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <source>Voucher No. (if for one job)</source>
            <translation>服务凭证号（属某次服务时）</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Customer's file</source>
            <translation>客户档案</translation>
        </message>
        <message>
            <source>Choose a customer in the register first.</source>
            <translation>请先在登记表中选择一位客户。</translation>
        </message>
    </context>
    <context>
        <name>VoiceTables</name>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Accepted on</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <source>Kind of complaint</source>
            <translation>投诉类别</translation>
        </message>
        <message>
            <source>Department in charge</source>
            <translation>处理部门</translation>
        </message>
        <message>
            <source>Closing deadline</source>
            <translation>处理期限</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Visited on</source>
            <translation>走访日期</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>投诉内容</translation>
        </message>
        <message>
            <source>Contract No.</source>
            <translation>合同编号</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Starts on</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>Ends on</source>
            <translation>到期日</translation>
        </message>
        <message>
            <source>Renewal of</source>
            <translation>续约自</translation>
        </message>
        <message>
            <source>Sent to renew</source>
            <translation>续约人员</translation>
        </message>
        <message>
            <source>Renewal visit</source>
            <translation>续约拜访</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>费用</translation>
        </message>
        <message>
            <source>Notice sent</source>
            <translation>通知书寄出</translation>
        </message>
        <message>
            <source>Call No.</source>
            <translation>叫修单号</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Due for a call</source>
            <translation>待回访</translation>
        </message>
        <message>
            <source>Customer satisfied</source>
            <translation>客户满意</translation>
        </message>
        <message>
            <source>Complaint No.</source>
            <translation>投诉编号</translation>
        </message>
        <message>
            <source>Customer's answer</source>
            <translation>客户答复</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>故障</translation>
        </message>
        <message>
            <source>Completed on</source>
            <translation>完成日期</translation>
        </message>
        <message>
            <source>Called on</source>
            <translation>回访日期</translation>
        </message>
        <message>
            <source>Card No.</source>
            <translation>调查卡编号</translation>
        </message>
        <message>
            <source>Issued on</source>
            <translation>开立日期</translation>
        </message>
        <message>
            <source>Ratings given</source>
            <translation>评分</translation>
        </message>
        <message>
            <source>Customer's comments</source>
            <translation>客户意见</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术员</translation>
        </message>
    </context>
    <context>
        <name>VouchersToFilePage</name>
        <message>
            <source>Close call and file voucher</source>
            <translation>注销叫修并归档凭证</translation>
        </message>
        <message>
            <source>Print voucher</source>
            <translation>打印凭证</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
    </context>
    <context>
        <name>WaitForPartsDialog</name>
        <message>
            <source>Waiting for parts: {card}</source>
            <translation>待料：{card}</translation>
        </message>
        <message>
            <source>What is awaited, as the customer is told</source>
            <translation>所待零件（告知客户的原因）</translation>
        </message>
        <message>
            <source>Promised until now</source>
            <translation>原约定日期</translation>
        </message>
        <message>
            <source>New promised date</source>
            <translation>新约定日期</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>WalkInTakeInDialog</name>
        <message>
            <source>Walk-in take-in</source>
            <translation>上门送修收件</translation>
        </message>
        <message>
            <source>Item receipt</source>
            <translation>领取收据</translation>
        </message>
    </context>
    <context>
        <name>WorkEntryDialog</name>
        <message>
            <source>Work on {card}</source>
            <translation>修理记录 {card}</translation>
        </message>
        <message>
            <source> min</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>Start/stop &amp;times instead</source>
            <translation>按起止时间(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Time spent</source>
            <translation>所用时间(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Note</source>
            <translation>备注(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Parts replaced</source>
            <translation>配换零件(&amp;P)</translation>
        </message>
    </context>
    <context>
        <name>ZonesTab</name>
        <message>
            <source> h</source>
            <translation>小时</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>Zone name</source>
            <translation>区域名称</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Dispatch within</source>
            <translation>派工时限</translation>
        </message>
        <message>
            <source>New zone</source>
            <translation>新建区域</translation>
        </message>
        <message>
            <source>Save zone</source>
            <translation>保存区域</translation>
        </message>
    </context>
    <context>
        <name>_CustomerForm</name>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
    </context>
</TS>
